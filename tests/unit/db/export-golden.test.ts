/**
 * The export's bytes are a contract with the rep's spreadsheets and scripts: a faster writer must
 * write exactly what the previous one did. The digests below are of the files written by the
 * chunk-at-a-time writer before issue 15's speed work, for a seeded history with every kind of
 * awkward cell added (formula starts, quotes, line breaks, figures, far-future times).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateHistory } from '../../../scripts/seed-history';
import { exportCallsCsv, exportJson, exportResetsCsv } from '../../../src/db/export';
import { csvCell } from '../../../src/db/export-csv';
import { type CallRecord, openReboundDb, type ReboundDb, SCHEMA_VERSION } from '../../../src/db/schema';
import { NOW } from './history-fixture';

let db: ReboundDb;
const noPause = { pause: async () => undefined };

beforeAll(async () => {
  db = openReboundDb(`golden-${Math.random()}`);
  const history = generateHistory({ calls: 3000, resets: 1500, endAt: NOW, seed: 5 });
  const awkward = ['=SUM(A1)', '+1', '-2', '@me', '\tlead', '\rlead', 'say "hi", then', 'two\nlines', 'plain'];
  history.calls.forEach((call, index) => {
    if (index % 7 === 0) call.tags = [awkward[index % awkward.length] as string, 'b,c'];
    if (index % 11 === 0) call.host = awkward[(index + 3) % awkward.length] as string;
    if (index % 13 === 0) {
      call.talk = {
        figures: {
          heardS: 60 + (index % 40),
          repTalkS: index % 30,
          otherTalkS: 25,
          overtalkS: index % 4,
          longestOtherS: 12,
          longestRepS: 9,
          silenceS: index % 17,
          loudMoments: index % 3,
        },
        timeline: [[1, 20]],
      };
    }
    if (index % 17 === 0) call.approximate = true;
    if (index % 19 === 0) Object.assign(call, { source: 'manual', device: 'mobile', missed: index % 38 === 0 });
    if (index % 23 === 0) delete call.durationMs;
    if (index % 29 === 0) delete call.startedAt;
  });
  const last = history.calls[history.calls.length - 1];
  // Past year 9999 an ISO time starts with "+", which the CSV must not leave for a spreadsheet.
  if (last) last.endedAt = Date.UTC(10_001, 0, 2);
  const first = history.calls[0];
  if (first) first.startedAt = 0;
  history.resets.forEach((reset, index) => {
    if (index % 5 === 0) reset.causes = [awkward[index % awkward.length] as string, 'budget'];
    if (index % 6 === 0)
      reset.lesson = { wentWell: awkward[(index + 1) % awkward.length], doDifferently: 'ask, "why"' };
    if (index % 9 === 0) delete reset.moodBefore;
  });
  await db.calls.bulkAdd(history.calls);
  await db.resets.bulkAdd(history.resets);
  await db.followUps.bulkAdd(history.followUps);
});
afterAll(() => db.delete());

const digest = async (blob: Blob) =>
  createHash('sha256')
    .update(await blob.text())
    .digest('hex');

it('calls CSV is byte for byte what it was, whatever the chunk size', async () => {
  const golden = '379c7429f2e0b74bc93d3c3f976ef1cb930d0bb95b05cca819b78f52046185af';
  expect(await digest(await exportCallsCsv(db, noPause))).toBe(golden);
  expect(await digest(await exportCallsCsv(db, { ...noPause, chunkSize: 7 }))).toBe(golden);
});

it('resets CSV is byte for byte what it was', async () => {
  expect(await digest(await exportResetsCsv(db, { ...noPause, chunkSize: 500 }))).toBe(
    '6eaccc67770ecfc16a007a2b8fbc8e0536022b5297b78ba34db3dc8e7b42d84a',
  );
});

it('JSON export is byte for byte what it was, but for the schema version it records', async () => {
  const text = await (await exportJson(db, { breathSeconds: 5 }, NOW, { ...noPause, chunkSize: 999 })).text();
  // The digest is of a version 4 export; version 5 (packed history) changed no byte of the file.
  const asV4 = text.replace(`"schemaVersion":${SCHEMA_VERSION},`, '"schemaVersion":4,');
  expect(asV4).not.toBe(text);
  expect(await digest(new Blob([asV4]))).toBe('fdd4a41a2e2f0b991e50f8546857688d72adb1e3f95eb0f47101b6f2cf6ac70a');
});

/*
 * Ids far apart (an import keeps a file's ids, whatever they are), text outside ASCII, a call at
 * the very last millisecond a read plan might split on, and no resets or follow-ups at all.
 * Digests written by the Dexie-read writer before the raw-read one replaced it.
 */
it('sparse ids, text outside ASCII and empty tables export as they did', async () => {
  const sparse = openReboundDb(`golden-sparse-${Math.random()}`);
  try {
    const history = generateHistory({ calls: 1200, endAt: NOW, seed: 9 });
    const ids = [1, 2, 2001, 2002, 4_000, 4_001, 1_000_000, 9_007_199_254_740_991];
    const calls = history.calls.map((call, index) => ({
      ...call,
      id: ids[index] ?? 10_000_000 + index * 9_973,
      tags: index % 5 === 0 ? ['prix élevé', 'réunion ✓', 'Grüße'] : call.tags,
      host: index % 9 === 0 ? 'crm.exämple.de' : call.host,
    }));
    await sparse.calls.bulkAdd(calls);
    expect(await digest(await exportCallsCsv(sparse, noPause))).toBe(
      'c1ab2d5f5d17055cacf3945892e1ebde6d741b9a77e13b5a79224ad635927290',
    );
    expect(await digest(await exportCallsCsv(sparse, { ...noPause, chunkSize: 3 }))).toBe(
      'c1ab2d5f5d17055cacf3945892e1ebde6d741b9a77e13b5a79224ad635927290',
    );
    expect(await digest(await exportResetsCsv(sparse, noPause))).toBe(
      '50a4f7f58220ca71053e7e0b224d916719ed4aa92ec359355b31710dd7aab9bc',
    );
    const json = await (await exportJson(sparse, { breathSeconds: 30 }, NOW, noPause)).text();
    expect(await digest(new Blob([json.replace(`"schemaVersion":${SCHEMA_VERSION},`, '"schemaVersion":4,')]))).toBe(
      'ffbe0dfd8ba9501e3391c934fcf4e59d7cffdafdbbd30e2323194a0eae40828c',
    );
  } finally {
    await sparse.delete();
  }
});

it('reads ids with gaps range by range, and a call saved while it runs', async () => {
  const gappy = openReboundDb(`golden-gaps-${Math.random()}`);
  try {
    const history = generateHistory({ calls: 300, endAt: NOW, seed: 3 });
    await gappy.calls.bulkAdd(history.calls);
    await gappy.calls.where(':id').between(40, 120).delete();
    await gappy.calls.bulkDelete(history.calls.filter((call) => call.id % 3 === 0).map((call) => call.id));
    const oneRange = await (await exportCallsCsv(gappy, { ...noPause, chunkSize: 1_000_000 })).text();
    expect(await (await exportCallsCsv(gappy, { ...noPause, chunkSize: 7 })).text()).toBe(oneRange);

    const late = { ...history.calls[0], id: 5_000, callKey: 'hubspot:saved-during-export' } as CallRecord;
    let saving: Promise<unknown> | undefined;
    const text = await (
      await exportCallsCsv(gappy, {
        chunkSize: 7,
        onProgress: () => {
          saving ??= gappy.calls.add(late);
        },
        pause: async () => {
          await saving;
        },
      })
    ).text();
    expect(text.split('\r\n').length).toBe(oneRange.split('\r\n').length + 1);
    expect(text).toContain('hubspot:saved-during-export');
  } finally {
    await gappy.delete();
  }
});

it('keeps the page free between chunks and reports rows as it goes', async () => {
  const pauses: number[] = [];
  const progress: number[] = [];
  const blob = await exportCallsCsv(db, {
    chunkSize: 500,
    onProgress: (rows) => progress.push(rows),
    pause: async () => {
      pauses.push(progress.length);
    },
  });
  expect(progress).toEqual([500, 1000, 1500, 2000, 2500, 3000]);
  expect(pauses).toEqual([1, 2, 3, 4, 5, 6]);
  expect((await blob.text()).split('\r\n')).toHaveLength(3002);
});

it('writes a column with more values than it remembers as csvCell would, value by value', async () => {
  const manyHosts = openReboundDb(`golden-hosts-${Math.random()}`);
  try {
    const history = generateHistory({ calls: 1500, endAt: NOW, seed: 4 });
    const hosts = history.calls.map(
      (_, index) => [`=h${index}`, `h,${index}`, `h${index}.example`][index % 3] as string,
    );
    await manyHosts.calls.bulkAdd(history.calls.map((call, index) => ({ ...call, host: hosts[index] as string })));
    const lines = (await (await exportCallsCsv(manyHosts, noPause)).text()).split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(1500);
    lines.forEach((line, index) => {
      expect(line).toContain(`,${csvCell(hosts[index])},`);
    });
  } finally {
    await manyHosts.delete();
  }
});
