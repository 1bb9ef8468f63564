import { expect } from 'vitest';
import type { ExtensionSession } from '../../scripts/driver/extension-session';
import type { CallRecord } from '../../src/db/schema';

/** Waits until `calls` holds exactly `count` rows (of `source`, when given) and returns them. */
export async function waitForCalls(session: ExtensionSession, count: number, source?: string): Promise<CallRecord[]> {
  const read = async () =>
    (await session.readTable<CallRecord>('calls')).filter((call) => source === undefined || call.source === source);
  await expect.poll(async () => (await read()).length, { timeout: 10_000 }).toBe(count);
  return read();
}
