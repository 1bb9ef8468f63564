import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFrom } from '../../../src/settings/settings';

describe('nudge settings', () => {
  it('default to toast delivery, three tough calls, a short cooldown, hours off, no contact', () => {
    expect(settingsFrom(undefined)).toMatchObject({
      delivery: 'toast',
      toughStreak: 3,
      cooldownMinutes: 2,
      supportContact: '',
      workingHours: { enabled: false },
    });
  });

  it('fall back field by field', () => {
    const settings = settingsFrom({
      delivery: 'carrier-pigeon',
      toughStreak: 2,
      cooldownMinutes: -1,
      supportContact: '  Maria  ',
      workingHours: { enabled: true, startMinute: 25 * 60, endMinute: 0, days: [] },
    });
    expect(settings.delivery).toBe('toast');
    expect(settings.toughStreak).toBe(2);
    expect(settings.cooldownMinutes).toBe(DEFAULT_SETTINGS.cooldownMinutes);
    expect(settings.supportContact).toBe('Maria');
    expect(settings.workingHours).toEqual(DEFAULT_SETTINGS.workingHours);
  });

  it('keep valid working hours, including a night shift', () => {
    const workingHours = { enabled: true, startMinute: 22 * 60, endMinute: 6 * 60, days: [0, 6] };
    expect(settingsFrom({ workingHours }).workingHours).toEqual(workingHours);
  });

  it('refuse a support contact longer than 200 characters', () => {
    expect(settingsFrom({ supportContact: 'x'.repeat(201) }).supportContact).toBe('');
  });
});
