/**
 * Issue 13, in a real Chromium with an organization's policy: "conversation signals off" wins
 * mid-call. The rep turning the setting on during a scripted call (tests/fixtures/talk-call)
 * still gives no sampling (getStats calls counted in the page) and no figures on the call; a
 * policy that lands during a sampled call stops the sampling and leaves the call without figures.
 * As in managed-policy.e2e, the policy file names a copy of the demo build loaded from a folder
 * of its own, so no other file's browser sees it, and it is removed in a `finally`.
 */
import { expect, it } from 'vitest';
import { writeManagedPolicy } from '../../scripts/driver/managed-policy';
import { COUNT_GET_STATS, getStatsCalls, scriptedCall, untilScriptTime } from '../../scripts/driver/talk-call';
import { extensionUnderTest } from './extension-under-test';
import { demoBuildCopyForPolicy, managedStorage } from './policy-copy';
import { waitForCalls } from './wait-for-calls';

const extensionDir = demoBuildCopyForPolicy('talk-policy');

const session = extensionUnderTest({
  settings: { minCallSeconds: 1, conversationSignals: false },
  launch: { extensionDir },
});

const policyNow = () => managedStorage(session);

it('with the policy "conversation signals off", the rep turning them on mid-call gives no sampling and no figures', async () => {
  const removePolicy = await writeManagedPolicy(session.extensionId, { conversationSignals: false });
  try {
    await expect.poll(policyNow, { timeout: 30_000 }).toHaveProperty('conversationSignals', false);
    const call = await scriptedCall(
      session,
      {
        rep: [
          [0, 3],
          [6, 9],
        ],
        far: [
          [2, 5],
          [7, 10],
        ],
      },
      { leadSeconds: 0, initScript: COUNT_GET_STATS },
    );
    await untilScriptTime(call.zero, 3);
    // The rep's own copy says on, mid-call: the organization's off still holds.
    await session.setSettings({ minCallSeconds: 1, conversationSignals: true });
    await expect
      .poll(async () => (await session.localValue<{ conversationSignals: boolean }>('settings'))?.conversationSignals)
      .toBe(true);
    await untilScriptTime(call.zero, 11);
    const calls = await getStatsCalls(call.rep);
    await call.hangUp();
    const [recorded] = await waitForCalls(session, 1);
    expect(recorded).not.toHaveProperty('talk');
    expect(calls).toBe(0);
  } finally {
    await removePolicy();
  }
  expect(session.extensionErrors).toEqual([]);
}, 90_000);

it('a policy "conversation signals off" that lands mid-call stops the sampling, and the call has no figures', async () => {
  await session.setSettings({ minCallSeconds: 1, conversationSignals: true });
  const call = await scriptedCall(
    session,
    { rep: [[0, 30]], far: [[1, 30]] },
    { leadSeconds: 0, initScript: COUNT_GET_STATS },
  );
  await expect.poll(() => getStatsCalls(call.rep), { timeout: 10_000 }).toBeGreaterThan(2);
  const removePolicy = await writeManagedPolicy(session.extensionId, { conversationSignals: false });
  try {
    await expect.poll(policyNow, { timeout: 30_000 }).toHaveProperty('conversationSignals', false);
    // The hook samples once a second: stopped, the count holds over three of its seconds.
    const readsOver3s = async () => {
      const before = await getStatsCalls(call.rep);
      await call.rep.waitForTimeout(3000);
      return (await getStatsCalls(call.rep)) - before;
    };
    await expect.poll(readsOver3s, { timeout: 20_000, interval: 0 }).toBe(0);
    await call.hangUp();
    const [recorded] = await waitForCalls(session, 1);
    expect(recorded).not.toHaveProperty('talk');
    expect(session.extensionErrors).toEqual([]);
  } finally {
    await removePolicy();
  }
}, 90_000);
