/**
 * Conversation signals: what sampling a call's statistics costs the page on a WebRTC call (with
 * and without Rebound, as the busy-CRM figure), and, on a line that stays open, the end of a
 * conversation (the far side last heard in the rep's page) → the toast, beyond the quiet period
 * that defines the end.
 */
import type { ExtensionSession } from '../driver/extension-session';
import { scriptedCall, type TalkScript, untilScriptTime } from '../driver/talk-call';
import { TOAST_WATCH, waitForToastCount } from './detection-latency';
import { type Figure, latencyFigures } from './figures';
import { OVERHEAD_TARGET, type OverheadPage, type OverheadSize, pageOverhead } from './page-overhead';

/** The shortest quiet period the setting allows: the bench measures what comes after it. */
const QUIET_SECONDS = 5;

/**
 * The busy CRM with a call in it: a page with work of its own, as a softphone page is, so the
 * ratio is against something (an idle call page spends next to no script time).
 */
export const CALL_PAGE: OverheadPage = {
  group: 'page overhead, WebRTC call',
  path: 'busy-crm/on-a-call.html',
  ready: 'window.callUp === true',
  target: OVERHEAD_TARGET,
};

export function webrtcCallOverhead(session: ExtensionSession, size: OverheadSize): Promise<Figure[]> {
  return pageOverhead(session, size, CALL_PAGE);
}

/** `settings`: the bench's own (every call nudged); the open line is added to them. */
export async function openLineEndLatency(
  session: ExtensionSession,
  conversations: number,
  settings: Record<string, unknown>,
): Promise<Figure[]> {
  await session.setSettings({
    ...settings,
    openLines: [{ site: new URL(session.server.url).origin, open: true, quietSeconds: QUIET_SECONDS }],
  });
  // Each conversation: the rep 0–2 s, the other side 1.5–3 s; it ends when their audio stops.
  const conversation = (): TalkScript => ({ rep: [[0, 2]], far: [[1.5, 3]] });
  const call = await scriptedCall(session, conversation(), { leadSeconds: 1, initScript: TOAST_WATCH });
  const samples: number[] = [];
  const placedAt: number[] = [];
  const heardEnds: number[] = [];
  try {
    for (let i = 1; i <= conversations; i++) {
      if (i > 1) await call.speak(conversation(), 1);
      const toastAt = await waitForToastCount(call.rep, i, (QUIET_SECONDS + 10) * 1000);
      // The end of the conversation as the rep lived it: the far side last heard in their page.
      const heardEnd = await call.lastHeardAt();
      heardEnds.push(heardEnd);
      samples.push(toastAt - heardEnd - QUIET_SECONDS * 1000);
      // The toast hides by itself; the next conversation starts on a quiet line.
      await untilScriptTime(toastAt, 1);
    }
  } finally {
    await call.hangUp();
    await call.rep.close();
    await call.far.close();
  }
  // Where the time goes: the end Rebound placed (the call's end) against the end heard.
  const recorded = (await session.readTable<{ endedAt: number }>('calls')).map((c) => c.endedAt).sort((a, b) => a - b);
  recorded.slice(-conversations).forEach((endedAt, i) => {
    placedAt.push(endedAt - (heardEnds[i] as number));
  });
  return [
    { group: 'open line', name: 'conversations', value: conversations, unit: 'calls' },
    { group: 'open line', name: 'quiet period', value: QUIET_SECONDS * 1000, unit: 'ms' },
    ...latencyFigures('open line', 'end of conversation → toast, beyond the quiet period', samples, { atMost: 100 }),
    ...latencyFigures('open line', 'end placed by Rebound − end heard in the page', placedAt),
    // The rest is Rebound's own path: the quiet period's timer, its fresh sample, the end's
    // message to the background, the write and the toast.
    ...latencyFigures(
      'open line',
      'end placed by Rebound → toast, beyond the quiet period',
      samples.map((sample, i) => sample - (placedAt[i] as number)),
    ),
  ];
}
