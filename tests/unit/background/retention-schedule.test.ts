import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Alarms } from 'webextension-polyfill';
import { createRetentionSchedule, RETENTION_ALARM } from '../../../src/background/retention-schedule';
import { addFollowUp } from '../../../src/db/follow-ups';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { CALLS, NOW } from '../db/history-fixture';

let db: ReboundDb;
let settings: Settings;
let alarms: Map<string, Alarms.CreateAlarmInfoType>;
let deletions: number;
let forgotten: number[];

beforeEach(async () => {
  db = openReboundDb(`retention-${Math.random()}`);
  await db.calls.bulkAdd(CALLS);
  settings = { ...DEFAULT_SETTINGS };
  alarms = new Map();
  deletions = 0;
  forgotten = [];
});
afterEach(() => db.delete());

const schedule = () =>
  createRetentionSchedule({
    db,
    loadSettings: async () => settings,
    now: () => NOW,
    onDeleted: async () => {
      deletions += 1;
    },
    forgetReminders: async (ids) => {
      forgotten.push(...ids);
    },
    alarms: {
      get: async (name?: string) => (alarms.has(name ?? '') ? ({ name } as Alarms.Alarm) : undefined),
      create: (name: string | undefined, info: Alarms.CreateAlarmInfoType) => {
        alarms.set(name ?? '', info);
      },
    } as unknown as Pick<Alarms.Static, 'get' | 'create'>,
  });

it('creates one daily alarm and keeps it', async () => {
  const retention = schedule();
  await retention.schedule();
  await retention.schedule();
  expect([...alarms]).toEqual([[RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 1440 }]]);
});

it('the daily alarm deletes history older than the setting; other alarms do nothing', async () => {
  const retention = schedule();
  settings.retentionDays = 5;
  await retention.onAlarm({ name: 'follow-up:3', scheduledTime: NOW });
  expect(await db.calls.count()).toBe(9);
  await retention.onAlarm({ name: RETENTION_ALARM, scheduledTime: NOW });
  expect(await db.calls.count()).toBe(6);
  expect(deletions).toBe(1);
  await retention.onAlarm({ name: RETENTION_ALARM, scheduledTime: NOW });
  expect(deletions).toBe(1);
});

it('with the default (keep everything) the alarm deletes nothing', async () => {
  await schedule().onAlarm({ name: RETENTION_ALARM, scheduledTime: NOW });
  expect(await db.calls.count()).toBe(9);
});

it('a change of the retention setting is enforced at once; other changes are not', async () => {
  const retention = schedule();
  settings.retentionDays = 5;
  await retention.onStorageChanged(
    { settings: { oldValue: { retentionDays: 5 }, newValue: { retentionDays: 5 } } },
    'local',
  );
  await retention.onStorageChanged({ settings: { newValue: { retentionDays: 5 } } }, 'session');
  expect(await db.calls.count()).toBe(9);
  await retention.onStorageChanged(
    { settings: { oldValue: { retentionDays: 0 }, newValue: { retentionDays: 5 } } },
    'local',
  );
  expect(await db.calls.count()).toBe(6);
});

it('retention clears the reminders of the follow-ups it deletes, and only theirs', async () => {
  const [oldCall] = await db.calls
    .where('endedAt')
    .below(NOW - 5 * 24 * 60 * 60 * 1000)
    .primaryKeys();
  const gone = (await addFollowUp(db, { callId: oldCall, who: 'Ana', dueAt: NOW + 1000 })).id;
  const kept = (await addFollowUp(db, { who: 'Bo', dueAt: NOW + 1000 })).id;
  settings.retentionDays = 5;
  await schedule().onAlarm({ name: RETENTION_ALARM, scheduledTime: NOW });
  expect(forgotten).toEqual([gone]);
  expect(await db.followUps.get(kept)).toBeDefined();
});
