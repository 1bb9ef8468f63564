import { describe, expect, it } from 'vitest';
import { englishIn, rawKeysIn } from '../e2e/english-left-over';

describe('English left over on a translated page', () => {
  it('finds a short English message shown whole, and an English phrase inside other text', () => {
    expect(englishIn(['Überspringen', 'Calls'], 'de')).toEqual(['todayCalls: "Calls"', 'insightsCalls: "Calls"']);
    expect(englishIn(['Rebound: reset before your next call!'], 'de')).toEqual([
      'actionTitle: "Rebound: reset before your next call"',
    ]);
  });

  it('finds the English around a message’s placeholders', () => {
    expect(englishIn(['Nudges snoozed until 14:05'], 'fr')).toEqual(['popupSnoozedUntil: "Nudges snoozed until"']);
  });

  it('lets a listed identical string pass, in its locale only', () => {
    expect(englishIn(['Dialer', 'Rebound'], 'de')).toEqual([]);
    expect(englishIn(['30 min', 'Sites'], 'fr')).toEqual([]);
    expect(englishIn(['Dialer'], 'fr')).toEqual(['historyDialer: "Dialer"']);
    expect(englishIn(['30 min'], 'de')).toEqual(['snooze30m: "30 min"']);
  });

  it('does not take a short English word inside a translated sentence for English', () => {
    expect(englishIn(['Wähle zuerst einen Tag und eine Uhrzeit. Dialer'], 'de')).toEqual([]);
  });

  it('finds message keys printed instead of their text', () => {
    expect(rawKeysIn(['popupQuickReset', 'dialer_zoom_phone', 'Schließen'])).toEqual([
      'popupQuickReset',
      'dialer_zoom_phone',
    ]);
  });
});
