/**
 * The popup, the options page and the background each open the database and write at will.
 * Their writes touch fields, not whole rows, so two contexts writing the same call at once lose
 * nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rateCall, recordEndedCall, tagCall } from '../../../src/db/calls';
import { setCallRating } from '../../../src/db/history';
import { recordReset } from '../../../src/db/resets';
import { openReboundDb, type ReboundDb } from '../../../src/db/schema';

let name: string;
let popup: ReboundDb;
let options: ReboundDb;

beforeEach(() => {
  name = `concurrent-${Math.random()}`;
  popup = openReboundDb(name);
  options = openReboundDb(name);
});

afterEach(async () => {
  popup.close();
  options.close();
  await openReboundDb(name).delete();
});

const ended = (callKey: string) => ({
  callKey,
  tabId: 1,
  host: 'app.hubspot.com',
  source: 'hubspot',
  startedAt: 1000,
  endedAt: 61_000,
  durationMs: 60_000,
  outcome: 'completed' as const,
  endReason: 'hang-up' as const,
});

describe('two pages writing the same call at once', () => {
  it('keeps the tags one wrote and the rating the other wrote', async () => {
    const call = await recordEndedCall(popup, ended('hubspot:both'));
    await Promise.all([
      tagCall(popup, 'hubspot:both', ['angry-customer', 'delay']),
      setCallRating(options, call.id, 'tough', 70_000),
    ]);
    expect(await popup.calls.get(call.id)).toMatchObject({ tags: ['angry-customer', 'delay'], rating: 'tough' });
  });

  it('keeps every reset written by two popups in the same moment, and the last rating wins whole', async () => {
    const call = await recordEndedCall(popup, ended('hubspot:two-popups'));
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) =>
        recordReset(i % 2 ? popup : options, {
          kind: 'quick',
          callId: call.id,
          startedAt: i,
          completedAt: i + 1,
          steps: [],
        }),
      ),
      rateCall(popup, 'hubspot:two-popups', 'so-so', 80_000),
      rateCall(options, 'hubspot:two-popups', 'fine', 80_001),
    ]);
    expect(await options.resets.where('callId').equals(call.id).count()).toBe(10);
    const stored = await options.calls.get(call.id);
    expect([
      ['so-so', 80_000],
      ['fine', 80_001],
    ]).toContainEqual([stored?.rating, stored?.ratedAt]);
  });
});
