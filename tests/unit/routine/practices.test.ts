import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExport } from '../../../src/db/export-format';
import { recordReset } from '../../../src/db/resets';
import { openReboundDb, SCHEMA_VERSION } from '../../../src/db/schema';
import { resetRow } from '../../../src/routine/reset-row';
import { ROUTINE_KINDS, ROUTINES } from '../../../src/routine/routines';

/** The practice ids as the coaching content lists them: "- `id` — …" (../shared/docs/practices.md). */
function practiceIds(): string[] {
  const file = path.join(import.meta.dirname, '../../../../shared/docs/practices.md');
  return [...readFileSync(file, 'utf8').matchAll(/^- `([a-z0-9-]+)` —/gm)].map((match) => match[1] ?? '');
}

const db = openReboundDb('practices-test');
afterAll(() => db.delete());

describe('every practice in the coaching content', () => {
  const ids = practiceIds();

  it('is read from practices.md (all eighteen)', () => {
    expect(ids).toHaveLength(18);
    expect(new Set(ids).size).toBe(18);
  });

  it.each(ids)('%s is a step practice in the routine data', (id) => {
    const steps = ROUTINE_KINDS.flatMap((kind) => ROUTINES[kind]);
    expect(steps.some((step) => step.practices.includes(id))).toBe(true);
  });

  it('is recorded in a reset row, kept by the database and by an export', async () => {
    for (const kind of ROUTINE_KINDS) {
      const done = ROUTINES[kind].flatMap((step) => step.practices);
      const id = await recordReset(db, resetRow({ kind, startedAt: 1, completedAt: 2, done, answers: {} }));
      expect((await db.resets.get(id))?.steps).toEqual(done);
    }
    const recorded = new Set((await db.resets.toArray()).flatMap((reset) => reset.steps));
    for (const practice of ids) expect(recorded, practice).toContain(practice);

    const file = JSON.stringify({
      format: 'rebound-export',
      version: 1,
      exportedAt: 3,
      schemaVersion: SCHEMA_VERSION,
      calls: [],
      resets: await db.resets.toArray(),
      followUps: [],
    });
    expect(parseExport(file)).toMatchObject({ ok: true });
  });
});
