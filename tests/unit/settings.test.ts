import { describe, expect, it } from 'vitest';
import { numberBounds } from '../../src/settings/number-bounds';
import { DEFAULT_SETTINGS, settingsFrom } from '../../src/settings/settings';

/** Valid values for the nudge's fields, none of them the default. */
const NUDGE_FIELDS = {
  workingHours: { enabled: true, startMinute: 22 * 60, endMinute: 6 * 60, days: [0, 6] },
  cooldownMinutes: 10,
  toughStreak: 5,
  supportContact: 'Maria (team lead)',
  delivery: 'notification',
  meetingNudges: { enabled: false, minMinutes: 15 },
};

describe('settingsFrom', () => {
  it('has the designed defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      minCallSeconds: 20,
      skipOutcomes: ['no-answer', 'busy', 'voicemail'],
      toastSeconds: 30,
      breathSeconds: 5,
      workingHours: { enabled: false, startMinute: 9 * 60, endMinute: 18 * 60, days: [1, 2, 3, 4, 5] },
      cooldownMinutes: 2,
      toughStreak: 3,
      supportContact: '',
      delivery: 'toast',
      whyISell: '',
      meetingNudges: { enabled: true, minMinutes: 5 },
      customSites: [],
      widgetPages: [],
      retentionDays: 0,
      conversationSignals: true,
      openLines: [],
    });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'minCallSeconds=5'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [1, 2, 3]],
    ['an empty object', {}],
    ['an object of unknown keys', { theme: 'dark', minCallSecs: 5 }],
    [
      'every field of the wrong type',
      { minCallSeconds: '5', skipOutcomes: 'busy', toastSeconds: null, breathSeconds: {} },
    ],
  ])('falls back to the defaults for %s', (_label, stored) => {
    expect(settingsFrom(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps a fully valid stored object', () => {
    const stored = {
      minCallSeconds: 0,
      skipOutcomes: [],
      toastSeconds: 600,
      breathSeconds: 90,
      ...NUDGE_FIELDS,
      whyISell: 'Clinics',
      customSites: [{ origin: 'http://localhost:8080', detect: 'elements', hangUpSelector: 'button.end' }],
      widgetPages: [{ family: 'ringcentral', origin: 'https://crm.acme.test' }],
      retentionDays: 3650,
      conversationSignals: false,
      openLines: [{ site: 'http://localhost:8080', open: true, quietSeconds: 600 }],
    };
    expect(settingsFrom(stored)).toEqual(stored);
  });

  it('drops unknown keys', () => {
    expect(settingsFrom({ ...DEFAULT_SETTINGS, extra: 'x' })).not.toHaveProperty('extra');
  });

  it.each([
    ['minCallSeconds', -1],
    ['minCallSeconds', 3601],
    ['minCallSeconds', 2.5],
    ['minCallSeconds', Number.NaN],
    ['minCallSeconds', '30'],
    ['toastSeconds', 2],
    ['toastSeconds', 601],
    ['toastSeconds', Number.POSITIVE_INFINITY],
    ['breathSeconds', 2],
    ['breathSeconds', 91],
    ['breathSeconds', 4.5],
    ['skipOutcomes', ['busy', 'hung-up']],
    ['skipOutcomes', ['busy', 3]],
    ['skipOutcomes', 'busy'],
    ['skipOutcomes', { 0: 'busy' }],
    ['workingHours', { enabled: true, startMinute: 25 * 60, endMinute: 0, days: [] }],
    ['workingHours', { enabled: true, startMinute: 0, endMinute: 60, days: [7] }],
    ['workingHours', { enabled: 'yes', startMinute: 0, endMinute: 60, days: [] }],
    ['cooldownMinutes', -1],
    ['cooldownMinutes', 241],
    ['toughStreak', 21],
    ['toughStreak', 1.5],
    ['supportContact', 'x'.repeat(201)],
    ['supportContact', 42],
    ['delivery', 'carrier-pigeon'],
    ['meetingNudges', { enabled: true, minMinutes: -1 }],
    ['meetingNudges', { enabled: true, minMinutes: 241 }],
    ['meetingNudges', { enabled: 'yes', minMinutes: 5 }],
    ['meetingNudges', true],
    ['widgetPages', [{ family: 'ringcentral', origin: 'https://crm.acme.test/path' }]],
    ['widgetPages', [{ family: 'Ring Central', origin: 'https://crm.acme.test' }]],
    ['retentionDays', -1],
    ['retentionDays', 3651],
    ['retentionDays', 1.5],
    ['conversationSignals', 'no'],
    ['openLines', [{ site: 'hubspot', open: true, quietSeconds: 4 }]],
    ['openLines', [{ site: 'hubspot', open: 'yes', quietSeconds: 20 }]],
  ])('falls back for an invalid %s (%j) alone, keeping the valid fields', (field, value) => {
    const valid = {
      minCallSeconds: 45,
      skipOutcomes: ['failed'],
      toastSeconds: 12,
      breathSeconds: 30,
      ...NUDGE_FIELDS,
      whyISell: '',
      customSites: [],
      widgetPages: [],
      retentionDays: 90,
      conversationSignals: false,
      openLines: [{ site: 'aircall', open: true, quietSeconds: 30 }],
    };
    const result = settingsFrom({ ...valid, [field]: value });
    expect(result).toEqual({ ...valid, [field]: DEFAULT_SETTINGS[field as keyof typeof DEFAULT_SETTINGS] });
  });

  it.each([
    ['minCallSeconds', 0],
    ['minCallSeconds', 3600],
    ['toastSeconds', 3],
    ['toastSeconds', 600],
    ['breathSeconds', 3],
    ['breathSeconds', 90],
    ['cooldownMinutes', 0],
    ['cooldownMinutes', 240],
    ['toughStreak', 0],
    ['toughStreak', 20],
    ['retentionDays', 0],
    ['retentionDays', 3650],
  ])('accepts %s at its bound %i', (field, value) => {
    expect(settingsFrom({ [field]: value })).toEqual({ ...DEFAULT_SETTINGS, [field]: value });
  });

  it('returns a fresh object: changing a field does not change the defaults', () => {
    const settings = settingsFrom(undefined);
    expect(settings).not.toBe(DEFAULT_SETTINGS);
    settings.minCallSeconds = 999;
    expect(DEFAULT_SETTINGS.minCallSeconds).toBe(20);
  });

  it('trims the support contact', () => {
    expect(settingsFrom({ supportContact: '  Maria  ' }).supportContact).toBe('Maria');
  });
});

describe('number settings bounds', () => {
  it('come from the schema that validates them, for the form to use', () => {
    expect(numberBounds('minCallSeconds')).toEqual({ min: 0, max: 3600 });
    expect(numberBounds('toastSeconds')).toEqual({ min: 3, max: 600 });
    expect(numberBounds('toughStreak')).toEqual({ min: 0, max: 20 });
    expect(numberBounds('retentionDays')).toEqual({ min: 0, max: 3650 });
  });
});
