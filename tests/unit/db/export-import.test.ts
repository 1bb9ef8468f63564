import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateHistory } from '../../../scripts/seed-history';
import { manualCall } from '../../../src/calls/manual-call';
import { recordManualCall } from '../../../src/db/calls';
import { localClock } from '../../../src/db/day-clock';
import { checkRollups } from '../../../src/db/day-rollup-check';
import { deleteAllHistory } from '../../../src/db/deletion';
import { exportCallsCsv, exportJson, exportResetsCsv } from '../../../src/db/export';
import { csvCell } from '../../../src/db/export-csv';
import { type ExportDocument, parseExport } from '../../../src/db/export-format';
import { applyImport, previewImport } from '../../../src/db/import';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import { CALLS, FOLLOW_UPS, NOW, RESETS } from './history-fixture';
import { storedCalls, storedResets } from './stored-history';

let db: ReboundDb;
const noPause = { pause: async () => undefined };

beforeEach(async () => {
  db = openReboundDb(`export-${Math.random()}`);
});
afterEach(() => db.delete());

async function fill(target: ReboundDb) {
  await target.calls.bulkAdd(CALLS);
  await target.resets.bulkAdd(RESETS);
  await target.followUps.bulkAdd(FOLLOW_UPS);
}

async function snapshot(target: ReboundDb) {
  return {
    calls: await storedCalls(target),
    resets: await storedResets(target),
    followUps: await target.followUps.toArray(),
  };
}

function parsed(text: string): ExportDocument {
  const result = parseExport(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document;
}

describe('export → wipe → import', () => {
  it('gives back the same database, ids and all, in chunks smaller than the tables', async () => {
    await fill(db);
    const before = await snapshot(db);
    const settings = { ...DEFAULT_SETTINGS, breathSeconds: 30 };
    const progress: number[] = [];
    const blob = await exportJson(db, settings, NOW, { chunkSize: 4, ...noPause, onProgress: (n) => progress.push(n) });
    expect(progress.at(-1)).toBe(CALLS.length + RESETS.length + FOLLOW_UPS.length);
    expect(progress.length).toBeGreaterThan(3);

    await deleteAllHistory(db);
    expect((await storedCalls(db)).length).toBe(0);
    const document = parsed(await blob.text());
    expect(document.settings).toEqual(settings);
    expect(await previewImport(db, document)).toEqual({
      calls: { add: 9, present: 0 },
      resets: { add: 7, present: 0 },
      followUps: { add: 3, present: 0 },
    });
    await applyImport(db, document);
    expect(await snapshot(db)).toEqual(before);
  });

  it('round-trips a seeded history of a few thousand rows', async () => {
    const seeded = generateHistory({ calls: 3000, endAt: NOW });
    const imported = parsed(JSON.stringify(seeded));
    await applyImport(db, imported);
    const before = await snapshot(db);
    const blob = await exportJson(db, DEFAULT_SETTINGS, NOW, noPause);
    await deleteAllHistory(db);
    await applyImport(db, parsed(await blob.text()));
    expect(await snapshot(db)).toEqual(before);
    expect(before.calls).toHaveLength(3000);
    expect(before.resets.length).toBeGreaterThan(50);
  });

  it('the seed generator is deterministic and its output imports cleanly', () => {
    const a = generateHistory({ calls: 500, endAt: NOW, seed: 3 });
    const b = generateHistory({ calls: 500, endAt: NOW, seed: 3 });
    expect(a).toEqual(b);
    expect(parseExport(JSON.stringify(a)).ok).toBe(true);
    expect(generateHistory({ calls: 500, endAt: NOW, seed: 4 })).not.toEqual(a);
  });

  it('tops the seed up with quick resets when asked for more resets than its tough calls give', () => {
    const plain = generateHistory({ calls: 400, endAt: NOW });
    const seeded = generateHistory({ calls: 400, endAt: NOW, resets: 200 });
    expect(plain.resets.length).toBeLessThan(200);
    expect(seeded.resets).toHaveLength(200);
    expect(seeded.resets.slice(0, plain.resets.length)).toEqual(plain.resets);
    expect(
      seeded.resets.slice(plain.resets.length).every((reset) => reset.kind === 'quick' && reset.completedAt < NOW),
    ).toBe(true);
    expect(new Set(seeded.resets.map((reset) => reset.id)).size).toBe(200);
    expect(parseExport(JSON.stringify(seeded)).ok).toBe(true);
  });
});

it('keeps optional fields a later build added to a row (no schema version needed) through export and import', async () => {
  await fill(db);
  await db.followUps.update(1, { snoozedUntil: NOW + 3600_000, kind: 'went-quiet', laterField: 'x' } as never);
  await db.resets.update(2, { reframe: ['not about me'] } as never);
  const before = await snapshot(db);
  const blob = await exportJson(db, DEFAULT_SETTINGS, NOW, noPause);
  await deleteAllHistory(db);
  await applyImport(db, parsed(await blob.text()));
  expect(await snapshot(db)).toEqual(before);
  expect(await db.followUps.get(1)).toMatchObject({
    snoozedUntil: NOW + 3600_000,
    kind: 'went-quiet',
    laterField: 'x',
  });
});

it('a call the browser closed on goes through JSON (validated) and CSV with its approximate length', async () => {
  await fill(db);
  await db.calls.update(2, { endReason: 'browser-closed', approximate: true });
  const before = await snapshot(db);
  const blob = await exportJson(db, DEFAULT_SETTINGS, NOW, noPause);
  await deleteAllHistory(db);
  await applyImport(db, parsed(await blob.text()));
  expect(await snapshot(db)).toEqual(before);
  const csv = (await (await exportCallsCsv(db, noPause)).text()).split('\r\n');
  expect(csv[2]).toMatch(/,yes,[a-z-]+,browser-closed,/);
  const document = JSON.parse(await blob.text());
  document.calls[1].approximate = 'maybe';
  expect(parseExport(JSON.stringify(document))).toMatchObject({
    ok: false,
    problems: [{ code: 'invalid', where: 'calls[1].approximate' }],
  });
});

describe('calls logged by hand', () => {
  it('keep their source, device, length and missed mark through export and import', async () => {
    await recordManualCall(db, manualCall({ device: 'mobile', durationMs: 5 * 60_000 }, NOW, 'a'));
    await recordManualCall(db, manualCall({ missed: true, host: 'crm.acme.example' }, NOW + 1, 'b'));
    const before = await snapshot(db);
    const blob = await exportJson(db, DEFAULT_SETTINGS, NOW, noPause);
    await deleteAllHistory(db);
    await applyImport(db, parsed(await blob.text()));
    expect(await snapshot(db)).toEqual(before);
    expect(before.calls).toMatchObject([
      { source: 'manual', device: 'mobile', durationMs: 5 * 60_000, outcome: 'completed' },
      { source: 'manual', missed: true, host: 'crm.acme.example', outcome: 'unknown' },
    ]);
  });

  it('are refused on import with an impossible length or device, named by path', async () => {
    await recordManualCall(db, manualCall({ durationMs: 60_000 }, NOW, 'a'));
    const document = JSON.parse(await (await exportJson(db, DEFAULT_SETTINGS, NOW, noPause)).text());
    document.calls[0].durationMs = 13 * 3600_000;
    const tooLong = parseExport(JSON.stringify(document));
    expect(tooLong.ok).toBe(false);
    expect(!tooLong.ok && tooLong.problems[0]).toMatchObject({ code: 'invalid', where: 'calls[0].durationMs' });
    document.calls[0].durationMs = 60_000;
    document.calls[0].device = 'fax';
    const badDevice = parseExport(JSON.stringify(document));
    expect(!badDevice.ok && badDevice.problems[0]).toMatchObject({ code: 'invalid', where: 'calls[0].device' });
    document.calls[0].device = 'desk';
    document.calls[0].missed = 'yes';
    const badMissed = parseExport(JSON.stringify(document));
    expect(!badMissed.ok && badMissed.problems[0]).toMatchObject({ code: 'invalid', where: 'calls[0].missed' });
  });
});

describe('merging into a database that has history', () => {
  it('adds nothing twice: same file again adds no rows', async () => {
    await fill(db);
    const document = parsed(await (await exportJson(db, DEFAULT_SETTINGS, NOW, noPause)).text());
    expect(await previewImport(db, document)).toEqual({
      calls: { add: 0, present: 9 },
      resets: { add: 0, present: 7 },
      followUps: { add: 0, present: 3 },
    });
    await applyImport(db, document);
    expect((await storedCalls(db)).length).toBe(9);
    expect((await storedResets(db)).length).toBe(7);
    expect(await db.followUps.count()).toBe(3);
  });

  it('gives new calls new ids when theirs are taken and links their resets to them', async () => {
    await fill(db);
    const other = {
      ...parsed(await (await exportJson(db, undefined, NOW, noPause)).text()),
      calls: [{ ...(CALLS[0] as (typeof CALLS)[0]), id: 1, callKey: 'aircall:other-1' }],
      resets: [{ ...(RESETS[0] as (typeof RESETS)[0]), id: 1, callId: 1 }],
      followUps: [],
    };
    expect((await previewImport(db, other)).calls).toEqual({ add: 1, present: 0 });
    await applyImport(db, other);
    const added = await db.calls.where('callKey').equals('aircall:other-1').first();
    expect(added?.id).toBe(10);
    expect(await db.resets.where('callId').equals(10).count()).toBe(1);
    expect((await storedCalls(db)).length).toBe(10);
  });

  it('links a reset to its follow-up under the follow-up’s new id when the old one is taken', async () => {
    await db.followUps.add({ id: 1, who: 'Already here', dueAt: NOW });
    const document: ExportDocument = {
      format: 'rebound-export',
      version: 1,
      exportedAt: NOW,
      schemaVersion: 2,
      settings: {},
      calls: [CALLS[2] as (typeof CALLS)[2]],
      followUps: [{ id: 1, callId: 3, who: 'Priya at Northwind', dueAt: NOW + 86_400_000, kind: 'after-call' }],
      resets: [{ ...(RESETS[1] as (typeof RESETS)[1]), followUpId: 1, notes: { 'dont-close': 'Asked for a date' } }],
    };
    await applyImport(db, document);
    const followUp = await db.followUps.filter((row) => row.who === 'Priya at Northwind').first();
    expect(followUp?.id).toBe(2);
    expect((await storedResets(db))[0]).toMatchObject({
      followUpId: 2,
      notes: { 'dont-close': 'Asked for a date' },
    });
  });

  it('a reset naming a follow-up the file lacks is rejected', () => {
    const document = { ...JSON.parse(JSON.stringify(generateHistory({ calls: 200, endAt: NOW }))) };
    document.resets[0].followUpId = 999;
    expect(parseExport(JSON.stringify(document))).toEqual({
      ok: false,
      problems: [{ code: 'unknown-follow-up', where: 'resets[0].followUpId', followUpId: 999 }],
    });
  });

  it('keeps a call already here as it is, and maps the file’s resets onto it', async () => {
    await db.calls.add({ ...(CALLS[0] as (typeof CALLS)[0]), id: 50, rating: 'fine' });
    const document: ExportDocument = {
      format: 'rebound-export',
      version: 1,
      exportedAt: NOW,
      schemaVersion: 2,
      settings: {},
      calls: [CALLS[0] as (typeof CALLS)[0]],
      resets: [RESETS[0] as (typeof RESETS)[0]],
      followUps: [],
    };
    await applyImport(db, document);
    expect((await storedCalls(db)).map((call) => [call.id, call.rating])).toEqual([[50, 'fine']]);
    expect((await storedResets(db))[0]?.callId).toBe(50);
  });

  it('applies all or nothing: a failing write leaves the database as it was', async () => {
    await fill(db);
    const before = await snapshot(db);
    const document = parsed(JSON.stringify(generateHistory({ calls: 200, endAt: NOW })));
    // A write fails mid-way, behind the plan's back: the resets, after every call is written.
    db.resetPacks.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(applyImport(db, document)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    expect(await db.dayRollups.count()).toBeGreaterThan(0);
    expect((await checkRollups(db, localClock)).differing).toEqual([]);
  });

  it('writes in batches inside its one transaction and reports the rows written after each', async () => {
    const document = generateHistory({ calls: 6000, resets: 1000, endAt: NOW });
    const reports: [number, number][] = [];
    const summary = await applyImport(db, document, (written, total) => reports.push([written, total]));
    const total = summary.calls.add + summary.resets.add + summary.followUps.add;
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(reports[0]).toEqual([5000, total]);
    expect(reports.at(-1)).toEqual([total, total]);
    expect(reports.every(([written], index) => index === 0 || written > (reports[index - 1]?.[0] ?? 0))).toBe(true);
    expect((await storedCalls(db)).length).toBe(6000);
    expect((await checkRollups(db, localClock)).differing).toEqual([]);
  });
});

describe('bad imports are rejected with what and where', () => {
  const valid = () => JSON.parse(JSON.stringify(generateHistory({ calls: 200, endAt: NOW })));

  it('not JSON', () => {
    expect(parseExport('{"format": "rebound-export",')).toEqual({
      ok: false,
      problems: [{ code: 'not-json', detail: expect.any(String) }],
    });
  });

  it('10 MB of junk', () => {
    const junk = 'x7#\u0000'.repeat(2.5 * 1024 * 1024);
    const result = parseExport(junk);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.code).toBe('not-json');
  });

  it('JSON that is not a Rebound export', () => {
    expect(parseExport('[1,2,3]')).toEqual({ ok: false, problems: [{ code: 'not-export' }] });
    expect(parseExport('{"calls": []}')).toEqual({ ok: false, problems: [{ code: 'not-export' }] });
  });

  it('the wrong version', () => {
    expect(parseExport(JSON.stringify({ ...valid(), version: 9 }))).toEqual({
      ok: false,
      problems: [{ code: 'wrong-version', version: '9' }],
    });
  });

  it('wrong types, named by path', () => {
    const document = valid();
    document.calls[3].endedAt = 'yesterday';
    document.resets[0].moodAfter = 9;
    const result = parseExport(JSON.stringify(document));
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: 'invalid', where: 'calls[3].endedAt', expected: 'number', received: '"yesterday"' },
        { code: 'invalid', where: 'resets[0].moodAfter', expected: '<=5', received: '9' },
      ],
    });
  });

  it('huge strings', () => {
    const document = valid();
    document.resets[0].lesson = { wentWell: 'a'.repeat(1_000_000) };
    const result = parseExport(JSON.stringify(document));
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'invalid', where: 'resets[0].lesson.wentWell', expected: '<=2000', received: '1000000' }],
    });
  });

  it('fields it does not know that are too big or too deep, repeated keys and links to calls the file lacks', () => {
    const tooBig = valid();
    tooBig.calls[0].laterField = 'x'.repeat(5000);
    expect(parseExport(JSON.stringify(tooBig))).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid', where: 'calls[0].laterField' }],
    });
    const tooDeep = valid();
    tooDeep.followUps[0].laterField = { a: { b: 1 } };
    expect(parseExport(JSON.stringify(tooDeep))).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid', where: 'followUps[0].laterField' }],
    });
    const tooMany = valid();
    for (let index = 0; index < 11; index += 1) tooMany.resets[0][`extra${index}`] = index;
    expect(parseExport(JSON.stringify(tooMany))).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid', where: 'resets[0]', expected: 'at most 10 fields this version does not know' }],
    });
    const repeated = valid();
    repeated.calls[2].callKey = repeated.calls[1].callKey;
    repeated.followUps = [{ id: 1, callId: 999, who: 'Sam', dueAt: NOW }];
    expect(parseExport(JSON.stringify(repeated))).toEqual({
      ok: false,
      problems: [
        { code: 'duplicate', where: 'calls[2].callKey', value: repeated.calls[1].callKey },
        { code: 'unknown-call', where: 'followUps[0].callId', callId: 999 },
      ],
    });
  });
});

describe('CSV', () => {
  it('writes calls and resets with a header, quoting and no formulas', async () => {
    await fill(db);
    await db.calls.update(2, { tags: ['=HYPERLINK("x")', 'a,b'] });
    const calls = (await (await exportCallsCsv(db, { chunkSize: 3, ...noPause })).text()).split('\r\n');
    expect(calls[0]).toBe(
      'id,callKey,dialer,host,direction,startedAt,endedAt,durationSeconds,lengthApproximate,outcome,endReason,rating,tags,device,missed,' +
        'repTalkSeconds,otherTalkSeconds,talkShare,overtalkSeconds,longestOtherSeconds,longestRepSeconds,silenceShare,loudMoments',
    );
    // No figures: empty cells, never zeros.
    expect(calls[1]).toBe(
      '1,hubspot:fixture-1,hubspot,app.hubspot.com,outbound,2026-11-25T09:06:00.000Z,2026-11-25T09:10:00.000Z,240,,completed,hang-up,tough,,,,,,,,,,,',
    );
    expect(calls[2]).toContain(',fine,"\'=HYPERLINK(""x""); a,b"');
    expect(calls).toHaveLength(CALLS.length + 2);
    const resets = (await (await exportResetsCsv(db, noPause)).text()).split('\r\n');
    expect(resets[0]).toBe(
      'id,callId,kind,startedAt,completedAt,steps,moodBefore,moodAfter,causes,wentWell,doDifferently',
    );
    expect(resets[2]).toBe(
      '2,3,after-call,2026-11-25T11:09:00.000Z,2026-11-25T11:10:00.000Z,breathe-5,1,2,Budget cut,,Ask about budget earlier',
    );
  });

  it('writes a call logged by hand with its device, and one Rebound missed marked so', async () => {
    await recordManualCall(db, manualCall({ device: 'desk', durationMs: 15 * 60_000 }, NOW, 'a'));
    await recordManualCall(db, manualCall({ missed: true, host: 'crm.acme.example' }, NOW + 1000, 'b'));
    const lines = (await (await exportCallsCsv(db, noPause)).text()).split('\r\n');
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(lines[1]).toBe(
      // The figures' cells are empty: a call logged by hand has no conversation signals.
      `1,manual:${NOW}-a,manual,,,${iso(NOW - 15 * 60_000)},${iso(NOW)},900,,completed,hang-up,,,desk,,,,,,,,,`,
    );
    expect(lines[2]).toBe(
      `2,manual:${NOW + 1000}-b,manual,crm.acme.example,,,${iso(NOW + 1000)},,,unknown,hang-up,,,,yes,,,,,,,,`,
    );
  });

  it('cells', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });
});

describe('conversation figures', () => {
  const talk = {
    figures: {
      heardS: 60,
      repTalkS: 20,
      otherTalkS: 35,
      overtalkS: 5,
      longestOtherS: 18,
      longestRepS: 9,
      silenceS: 10,
      loudMoments: 1,
    },
    timeline: [
      [1, 20],
      [3, 5],
      [2, 30],
      [0, 5],
    ] as [0 | 1 | 2 | 3, number][],
  };

  it('travel through export and import, and into the CSV', async () => {
    await fill(db);
    await db.calls.update(1, { talk });
    const before = await snapshot(db);
    const blob = await exportJson(db, DEFAULT_SETTINGS, NOW, noPause);
    await deleteAllHistory(db);
    await applyImport(db, parsed(await blob.text()));
    expect(await snapshot(db)).toEqual(before);
    const csv = (await (await exportCallsCsv(db, noPause)).text()).split('\r\n');
    expect(csv[1]).toMatch(/,20,35,0\.36,5,18,9,0\.17,1$/);
  });

  it('are checked on import: a figure that is not a count of seconds, or a timeline past its bound, is named', async () => {
    await fill(db);
    await db.calls.update(1, { talk });
    const document = JSON.parse(await (await exportJson(db, DEFAULT_SETTINGS, NOW, noPause)).text());
    document.calls[0].talk.figures.overtalkS = -3;
    document.calls[1].talk = { ...talk, timeline: Array.from({ length: 500 }, () => [1, 1]) };
    const result = parseExport(JSON.stringify(document));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => ('where' in problem ? problem.where : problem.code))).toEqual([
      'calls[0].talk.figures.overtalkS',
      'calls[1].talk.timeline',
    ]);
  });
});
