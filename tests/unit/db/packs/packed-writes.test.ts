/**
 * Writes on packed history: the same write applied to a history stored as rows and to the same
 * history packed leaves both answering alike to every reader, roll-ups rebuilt from scratch
 * included. Writes that touch a packed row unpack its pack first.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addLateTalk, callByKey, rateCall, recordEndedCall, tagCall } from '../../../../src/db/calls';
import { applyRetention, deleteAllHistory, deleteCall } from '../../../../src/db/deletion';
import { setCallRating } from '../../../../src/db/history';
import { applyImport } from '../../../../src/db/import';
import { callKeyListOf } from '../../../../src/db/packs/call-key-lists';
import { recordReset } from '../../../../src/db/resets';
import type { ReboundDb } from '../../../../src/db/schema';
import { NOW } from '../history-fixture';
import { documentOf, type HistoryShape, historyShape, type Twins, twinHistories } from './equivalent-histories';
import { READERS } from './readers';

const HISTORIES = 4;
const shapes = fc.sample(historyShape, { numRuns: HISTORIES, seed: 1516 });
let twins: Twins[] = [];

afterEach(async () => {
  await Promise.all(twins.flatMap(({ rows, packed }) => [rows.delete(), packed.delete()]));
  twins = [];
});

async function expectAlike() {
  for (const { rows, packed, document } of twins) {
    for (const [name, read] of Object.entries(READERS)) {
      expect({ name, answer: await read(packed, document) }).toEqual({ name, answer: await read(rows, document) });
    }
    // Whatever the write did to the packs, their call-key lists followed.
    for (const db of [rows, packed])
      expect(await db.callKeyLists.toArray()).toEqual((await db.callPacks.toArray()).map(callKeyListOf));
  }
}

/** Builds the twins, applies `write` to both, and compares every reader. */
async function afterWrite(write: (db: ReboundDb, twin: Twins, shape: HistoryShape) => Promise<unknown>) {
  twins = await Promise.all(shapes.map((shape) => twinHistories(shape)));
  for (const [index, twin] of twins.entries()) {
    const shape = shapes[index] as HistoryShape;
    expect(await write(twin.packed, twin, shape)).toEqual(await write(twin.rows, twin, shape));
  }
  await expectAlike();
}

/** Calls spread over the history: first, middle, last, and one that shares an end time. */
const someCalls = ({ document }: Twins) => {
  const calls = document.calls;
  return [calls[0], calls[Math.floor(calls.length / 2)], calls[calls.length - 1]].filter((call) => call !== undefined);
};

describe('a write on packed history leaves it reading as the same write on rows', { timeout: 60_000 }, () => {
  it('rating from History, and clearing it', async () => {
    await afterWrite(async (db, twin) => {
      for (const call of someCalls(twin)) await setCallRating(db, call.id, 'tough', NOW);
      const last = someCalls(twin)[0];
      if (last) await setCallRating(db, last.id, undefined, NOW);
    });
  });

  it('rating, tagging and late figures by callKey (the popup routine on an imported call)', async () => {
    await afterWrite(async (db, twin) => {
      const results: unknown[] = [];
      for (const call of someCalls(twin)) {
        results.push(await rateCall(db, call.callKey, 'fine', NOW));
        await tagCall(db, call.callKey, ['after-import']);
        await addLateTalk(db, call.callKey, {
          figures: {
            heardS: 40,
            repTalkS: 20,
            otherTalkS: 15,
            overtalkS: 1,
            longestOtherS: 8,
            longestRepS: 9,
            silenceS: 5,
            loudMoments: 0,
          },
          timeline: [[1, 5]],
        });
      }
      results.push(await rateCall(db, 'nobody:never', 'fine', NOW));
      // The writes landed: on the packed twin each call is a row by now, with all three.
      for (const call of someCalls(twin)) {
        const changed = await callByKey(db, call.callKey);
        expect([changed?.rating, changed?.tags, changed?.talk !== undefined]).toEqual(['fine', ['after-import'], true]);
      }
      return results;
    });
  });

  it('deleting one call with its resets and follow-ups', async () => {
    await afterWrite(async (db, twin) => {
      const deleted = [];
      for (const call of someCalls(twin)) deleted.push(await deleteCall(db, call.id));
      return deleted;
    });
  });

  it('retention, at a cutoff across packs and past all of them', async () => {
    await afterWrite(async (db) => [
      await applyRetention(db, 20, NOW),
      await applyRetention(db, 3, NOW),
      await applyRetention(db, 1, NOW + 30 * 86_400_000),
    ]);
  });

  it('deleting everything', async () => {
    await afterWrite(async (db) => deleteAllHistory(db));
  });

  it('a live call and a reset on a packed day', async () => {
    await afterWrite(async (db, twin) => {
      for (const call of someCalls(twin)) {
        await recordEndedCall(db, {
          callKey: `live:${call.id}`,
          tabId: 1,
          host: call.host,
          source: call.source,
          endedAt: call.endedAt + 1,
          outcome: 'completed',
          endReason: 'hang-up',
        });
        await recordReset(db, {
          kind: 'after-call',
          callId: call.id,
          startedAt: call.endedAt + 5,
          completedAt: call.endedAt + 9,
          steps: [],
        });
      }
    });
  });

  it('the same export imported again: nothing added', async () => {
    await afterWrite(async (db, twin, shape) =>
      applyImport(db, structuredClone(twin.document), undefined, {
        packed: db === twin.packed,
        packSize: shape.packSize,
      }),
    );
  });

  it('a second import overlapping the first', async () => {
    await afterWrite(async (db, twin, shape) => {
      const next = documentOf({ ...shape, calls: shape.calls + 30 });
      // Half the same calls and resets again, and new ones after them.
      return applyImport(db, next, undefined, { packed: db === twin.packed, packSize: shape.packSize });
    });
  });
});
