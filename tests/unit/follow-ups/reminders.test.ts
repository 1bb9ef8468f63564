import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addFollowUp, openFollowUps } from '../../../src/db/follow-ups';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';
import { blankFollowUpForm, dueAtFrom } from '../../../src/follow-ups/follow-up-form';
import { createReminders, followUpIdOf, reminderId, SNOOZE_MS } from '../../../src/follow-ups/reminders';

let db: ReboundDb;
let dbCount = 0;
let now: number;
const NOW = Date.UTC(2026, 10, 25, 9);

function setup() {
  const alarms = { create: vi.fn(), clear: vi.fn(async () => true) };
  const notifications = { create: vi.fn(async (id: string) => id), clear: vi.fn(async () => true) };
  const openFollowUp = vi.fn(async () => undefined);
  const onChanged = vi.fn(async () => undefined);
  const reminders = createReminders({
    db,
    alarms,
    notifications,
    notificationFor: (followUp) => ({ type: 'basic', iconUrl: 'icon.png', title: followUp.who, message: 'm' }),
    openFollowUp,
    onChanged,
    now: () => now,
  });
  return { reminders, alarms, notifications, openFollowUp, onChanged };
}

beforeEach(() => {
  db = openReboundDb(`reminders-test-${dbCount++}`);
  now = NOW;
});
afterEach(() => db.delete());

describe('follow-up reminders', () => {
  it('names alarms and notifications after the follow-up, and reads them back', () => {
    expect(reminderId(12)).toBe('follow-up:12');
    expect(followUpIdOf('follow-up:12')).toBe(12);
    expect(followUpIdOf('follow-up:x')).toBeUndefined();
    expect(followUpIdOf('other:12')).toBeUndefined();
  });

  it('sets an alarm at the due time, and shows the notification when it fires', async () => {
    const { reminders, alarms, notifications } = setup();
    const followUp = await addFollowUp(db, { who: 'Dana', dueAt: NOW + 60_000 });
    await reminders.schedule(followUp);
    expect(alarms.create).toHaveBeenCalledWith(`follow-up:${followUp.id}`, { when: NOW + 60_000 });
    now = NOW + 60_000;
    await reminders.onAlarm(`follow-up:${followUp.id}`);
    expect(notifications.create).toHaveBeenCalledWith(
      `follow-up:${followUp.id}`,
      expect.objectContaining({ title: 'Dana' }),
    );
    expect((await db.followUps.get(followUp.id))?.notifiedAt).toBe(NOW + 60_000);
  });

  it('shows nothing for a follow-up done before its alarm', async () => {
    const { reminders, notifications } = setup();
    const followUp = await addFollowUp(db, { who: 'Dana', dueAt: NOW });
    await reminders.done(followUp.id);
    await reminders.onAlarm(`follow-up:${followUp.id}`);
    await reminders.onAlarm('something-else');
    expect(notifications.create).not.toHaveBeenCalled();
  });

  it('done and snooze from the notification buttons; a click opens it', async () => {
    const { reminders, alarms, notifications, openFollowUp } = setup();
    const followUp = await addFollowUp(db, { who: 'Dana', dueAt: NOW });
    const id = reminderId(followUp.id);
    await reminders.onButtonClicked(id, 1);
    expect(await db.followUps.get(followUp.id)).toMatchObject({ snoozedUntil: NOW + SNOOZE_MS, dueAt: NOW });
    expect(alarms.create).toHaveBeenLastCalledWith(id, { when: NOW + SNOOZE_MS });
    expect(notifications.clear).toHaveBeenCalledWith(id);
    await reminders.onNotificationClicked(id);
    expect(openFollowUp).toHaveBeenCalledWith(followUp.id);
    await reminders.onButtonClicked(id, 0);
    expect((await db.followUps.get(followUp.id))?.doneAt).toBe(NOW);
    expect(alarms.clear).toHaveBeenCalledWith(id);
  });

  it('says each done or snooze once written, so the popup home snapshot is stored again', async () => {
    const { reminders, onChanged } = setup();
    const followUp = await addFollowUp(db, { who: 'Dana', dueAt: NOW });
    const seen: unknown[] = [];
    onChanged.mockImplementation(async () => {
      const stored = await db.followUps.get(followUp.id);
      seen.push({ snoozedUntil: stored?.snoozedUntil, doneAt: stored?.doneAt });
    });
    await reminders.snooze(followUp.id);
    await vi.waitFor(() => expect(seen).toEqual([{ snoozedUntil: NOW + SNOOZE_MS, doneAt: undefined }]));
    await reminders.done(followUp.id);
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]).toEqual({ snoozedUntil: NOW + SNOOZE_MS, doneAt: NOW });
  });

  it('re-creates alarms for open follow-ups on start-up, and not for those done or already shown', async () => {
    const { reminders, alarms } = setup();
    const future = await addFollowUp(db, { who: 'Later', dueAt: NOW + 3_600_000 });
    const missed = await addFollowUp(db, { who: 'Missed', dueAt: NOW - 3_600_000 });
    await addFollowUp(db, { who: 'Shown', dueAt: NOW - 60_000, notifiedAt: NOW - 50_000 });
    await addFollowUp(db, { who: 'Done', dueAt: NOW + 60_000, doneAt: NOW - 1 });
    expect(await reminders.restore()).toBe(2);
    expect(alarms.create.mock.calls).toEqual([
      [`follow-up:${missed.id}`, { when: NOW }],
      [`follow-up:${future.id}`, { when: NOW + 3_600_000 }],
    ]);
  });

  it('lists open follow-ups from a date on, soonest first', async () => {
    await addFollowUp(db, { who: 'B', dueAt: NOW + 2 });
    await addFollowUp(db, { who: 'A', dueAt: NOW + 1 });
    await addFollowUp(db, { who: 'Old', dueAt: NOW - 10 });
    await addFollowUp(db, { who: 'Done', dueAt: NOW + 3, doneAt: NOW });
    expect((await openFollowUps(db, NOW)).map((f) => f.who)).toEqual(['A', 'B']);
    expect((await openFollowUps(db, NOW, 1)).map((f) => f.who)).toEqual(['A']);
  });
});

describe('follow-up form', () => {
  it('reads a local date and time, with or without seconds', () => {
    expect(dueAtFrom({ date: '2026-11-26', time: '15:30' })).toBe(new Date(2026, 10, 26, 15, 30).getTime());
    expect(dueAtFrom({ date: '2026-11-26', time: '15:30:05' })).toBe(new Date(2026, 10, 26, 15, 30, 5).getTime());
    expect(dueAtFrom({ date: '', time: '15:30' })).toBeUndefined();
    expect(dueAtFrom({ date: '2026-11-26', time: 'soon' })).toBeUndefined();
  });

  it('proposes tomorrow at 10:00', () => {
    expect(blankFollowUpForm(new Date(2026, 11, 31, 18).getTime())).toEqual({
      who: '',
      date: '2027-01-01',
      time: '10:00',
      note: '',
    });
  });
});
