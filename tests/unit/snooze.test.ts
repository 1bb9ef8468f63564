import { describe, expect, it } from 'vitest';
import { isSnoozed, snoozeUntil } from '../../src/snooze/snooze';
import { endSnooze, readSnooze, snooze } from '../../src/snooze/snooze-store';
import fakeBrowser from './fakes/fake-browser';

const NOW = new Date(2026, 10, 25, 16, 45).getTime();

describe('snooze', () => {
  it.each([
    ['30m', NOW + 30 * 60_000],
    ['1h', NOW + 60 * 60_000],
    ['today', new Date(2026, 10, 26, 0, 0).getTime()],
  ] as const)('%s', (choice, until) => {
    expect(snoozeUntil(choice, NOW)).toBe(until);
  });

  it('holds until the moment it ends', () => {
    expect(isSnoozed(undefined, NOW)).toBe(false);
    expect(isSnoozed(NOW + 1, NOW)).toBe(true);
    expect(isSnoozed(NOW, NOW)).toBe(false);
  });

  it('is kept in storage.local (it outlasts a browser restart) and can end early', async () => {
    expect(await readSnooze()).toBeUndefined();
    expect(await snooze('1h', NOW)).toBe(NOW + 3_600_000);
    expect(await fakeBrowser.storage.local.get('snoozedUntil')).toEqual({ snoozedUntil: NOW + 3_600_000 });
    expect(await readSnooze()).toBe(NOW + 3_600_000);
    await endSnooze();
    expect(await readSnooze()).toBeUndefined();
  });

  it('ignores a stored value that is not a time', async () => {
    await fakeBrowser.storage.local.set({ snoozedUntil: 'soon' });
    expect(await readSnooze()).toBeUndefined();
  });
});
