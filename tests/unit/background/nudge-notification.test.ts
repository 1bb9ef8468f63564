import { describe, expect, it, vi } from 'vitest';
import { showNotification } from '../../../src/background/nudger';
import type { EndedCall } from '../../../src/calls/call';
import { createNotification } from '../../../src/platform/notifications';

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
});
