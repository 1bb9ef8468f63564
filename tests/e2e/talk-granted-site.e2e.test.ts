/**
 * Issue 13, conversation signals only where the rep granted Rebound: with the test flavour whose
 * granted hosts are what a store build has after the rep turns ONE family on (`widget-only`:
 * localhost only; the fixture server's own 127.0.0.1 is not granted), the same scripted two-peer
 * call (tests/fixtures/talk-call) is made on both names of the fixture server. On the granted one
 * the call is recorded with its figures; on the other Rebound records nothing and never asks the
 * page's connection for statistics (getStats calls counted in the page).
 */
import { describe, expect, it } from 'vitest';
import {
  COUNT_GET_STATS,
  getStatsCalls,
  scriptedCall,
  type TalkScript,
  untilScriptTime,
} from '../../scripts/driver/talk-call';
import { extensionUnderTest } from './extension-under-test';
import { grantedOrigins, localhostOrigin } from './loopback-origins';
import { waitForCalls } from './wait-for-calls';

const session = extensionUnderTest({
  launch: { flavour: 'widget-only' },
  settings: { minCallSeconds: 1, cooldownMinutes: 0 },
});

/** The rep talks 0–3 s, the other side 2–5 s. */
const SCRIPT: TalkScript = { rep: [[0, 3]], far: [[2, 5]] };

/** Plays the script through on a call from `origin`, hangs up, and says how often the page's statistics were read. */
async function callOn(origin: string): Promise<number> {
  const call = await scriptedCall(session, SCRIPT, { leadSeconds: 0, initScript: COUNT_GET_STATS, origin });
  await untilScriptTime(call.zero, 6);
  const calls = await getStatsCalls(call.rep);
  await call.hangUp();
  return calls;
}

describe('conversation signals with one site granted', () => {
  it('a call on the granted site has figures; the same call on a site not granted is neither sampled nor recorded', async () => {
    expect(await grantedOrigins(session)).toEqual(['http://localhost/*']);
    expect(new URL(session.server.url).hostname).toBe('127.0.0.1');

    const statsNotGranted = await callOn(session.server.url);
    // Made after the other: once its row is there, the first call's would have been too.
    const statsGranted = await callOn(localhostOrigin(session));
    const calls = await waitForCalls(session, 1);
    expect(calls.map((call) => call.host)).toEqual([new URL(localhostOrigin(session)).host]);
    const figures = calls[0]?.talk?.figures;
    if (!figures) throw new Error(`no figures on ${JSON.stringify(calls[0])}`);
    expect(figures.repTalkS).toBeGreaterThanOrEqual(2);
    expect(figures.otherTalkS).toBeGreaterThanOrEqual(2);
    expect(statsGranted).toBeGreaterThan(3);
    expect(statsNotGranted).toBe(0);
    expect(session.extensionErrors).toEqual([]);
  });
});
