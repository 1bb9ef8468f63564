/**
 * Import against 1,000 mutated export files: a valid export with one thing broken (a value
 * replaced by junk, a key dropped, a huge string, the text cut or spliced). Nothing throws out
 * of the parser; what it rejects names a problem; what it accepts imports in one transaction or
 * leaves the database exactly as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../../scripts/seed-history';
import { parseExport } from '../../../src/db/export-format';
import { applyImport } from '../../../src/db/import';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';
import { storedCalls, storedResets } from '../db/stored-history';

const RUNS = 1000;
const BASE = generateHistory({ calls: 6, endAt: Date.UTC(2026, 10, 20, 18), seed: 11 });
const BASE_TEXT = JSON.stringify(BASE);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

function pathsOf(value: Json, at: Path = [], into: Path[] = []): Path[] {
  into.push(at);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) pathsOf(item, [...at, index], into);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], into);
  }
  return into;
}
const PATHS = pathsOf(JSON.parse(BASE_TEXT)).filter((path) => path.length > 0);

const hostileValue = fc.oneof(
  fc.anything(),
  fc.string({ minLength: 3000, maxLength: 20_000 }),
  fc.constantFrom(null, -1, 1e308, Number.NaN, '', '__proto__', [], {}, { __proto__: { polluted: true } }),
);

/** One structural change at a path: replace the value, or drop the key / array element. */
const structural = fc
  .record({ path: fc.constantFrom(...PATHS), drop: fc.boolean(), value: hostileValue })
  .map(({ path, drop, value }) => {
    const document = JSON.parse(BASE_TEXT) as Record<string, unknown>;
    let parent: Record<string | number, unknown> = document;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (drop && Array.isArray(parent)) parent.splice(last as number, 1);
    else if (drop) delete parent[last];
    else parent[last] = value;
    return JSON.stringify(document) ?? 'undefined';
  });

/** Text-level damage: cut short, or junk spliced in. */
const textual = fc
  .record({ at: fc.nat({ max: BASE_TEXT.length }), junk: fc.string({ maxLength: 40 }), cut: fc.boolean() })
  .map(({ at, junk, cut }) => (cut ? BASE_TEXT.slice(0, at) : BASE_TEXT.slice(0, at) + junk + BASE_TEXT.slice(at)));

let db: ReboundDb;

async function snapshot() {
  return {
    calls: await storedCalls(db),
    resets: await storedResets(db),
    followUps: await db.followUps.toArray(),
  };
}

beforeAll(async () => {
  db = openReboundDb(`import-fuzz-${Math.random()}`);
  // A history already there, which a bad import must leave as it is.
  const first = parseExport(JSON.stringify(generateHistory({ calls: 4, endAt: Date.UTC(2026, 9, 1), seed: 3 })));
  if (!first.ok) throw new Error('the seed export must parse');
  await applyImport(db, first.document);
});
afterAll(() => db.delete());

describe('import under fuzzing', () => {
  it(`parses ${RUNS} mutated exports without throwing, and never half-applies one`, async () => {
    const counts = { rejected: 0, applied: 0, rolledBack: 0 };
    await fc.assert(
      fc.asyncProperty(fc.oneof(structural, textual), async (text) => {
        const parsed = parseExport(text);
        if (!parsed.ok) {
          counts.rejected++;
          expect(parsed.problems.length).toBeGreaterThan(0);
          for (const problem of parsed.problems) expect(JSON.stringify(problem).length).toBeLessThan(2000);
          return;
        }
        const before = await snapshot();
        try {
          await applyImport(db, parsed.document);
          counts.applied++;
        } catch {
          counts.rolledBack++;
          expect(await snapshot()).toEqual(before);
        }
        expect(Object.getPrototypeOf({}).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
    // Most mutations must be caught by the parser, or the fuzz proves little.
    expect(counts.rejected).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
