import { describe, expect, it, vi } from 'vitest';
import { showNotification, toastNudge } from '../../../src/background/nudger';
import type { EndedCall } from '../../../src/calls/call';
import { createNotification } from '../../../src/platform/notifications';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import type { CallTalk } from '../../../src/talk/conversation-figures';

vi.mock('../../../src/platform/notifications', () => ({ createNotification: vi.fn(async () => undefined) }));

const call: EndedCall = {
  callKey: 'hubspot:a',
  tabId: 3,
  host: 'crm.example',
  source: 'hubspot',
  endedAt: 1_000_000,
  durationMs: 60_000,
  outcome: 'completed',
  endReason: 'hang-up',
};

describe('the nudge as a notification', () => {
  it('asks about the call, and its first button opens the reset', async () => {
    await expect(showNotification(call)).resolves.toBe(true);
    expect(createNotification).toHaveBeenLastCalledWith(
      'rebound-nudge:hubspot:a',
      expect.objectContaining({ title: 'How did that one go?', buttons: ['Reset', 'Tough'] }),
    );
  });

  it('after a run of tough calls, offers the longer break: the rough run', async () => {
    await expect(showNotification(call, { streak: 3, contact: { label: 'Maria' } })).resolves.toBe(true);
    expect(createNotification).toHaveBeenLastCalledWith(
      'rebound-rough-run:hubspot:a',
      expect.objectContaining({
        title: 'Tough calls in a row: 3',
        message: expect.stringContaining('Talk it through with Maria.'),
        buttons: ['Take the longer break', 'Tough'],
      }),
    );
  });

  it('says why it asks about a call that sounded rough, in the toast’s words', async () => {
    const talk: CallTalk = {
      figures: {
        heardS: 80,
        repTalkS: 75,
        otherTalkS: 75,
        overtalkS: 70,
        longestOtherS: 5,
        longestRepS: 5,
        silenceS: 0,
        loudMoments: 0,
      },
      timeline: [],
    };
    await expect(showNotification({ ...call, talk })).resolves.toBe(true);
    expect(createNotification).toHaveBeenLastCalledWith(
      'rebound-nudge:hubspot:a',
      expect.objectContaining({
        message: 'They talked over you for 1:10. HubSpot calling · 1:00. Click for a one-minute reset.',
      }),
    );
    expect(toastNudge({ ...call, talk }, DEFAULT_SETTINGS).why).toBe('They talked over you for 1:10.');
  });

  it('says nothing more about a calm call', async () => {
    await showNotification(call);
    expect(createNotification).toHaveBeenLastCalledWith(
      'rebound-nudge:hubspot:a',
      expect.objectContaining({ message: 'HubSpot calling · 1:00. Click for a one-minute reset.' }),
    );
  });
});
