/** Every call and reset a database holds, rows and packed alike, by id: what an import stored. */
import { allPacked } from '../../../src/db/packs/packed-reads';
import type { CallRecord, ReboundDb, ResetRecord } from '../../../src/db/schema';

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

export async function storedCalls(db: ReboundDb): Promise<CallRecord[]> {
  return [...(await db.calls.toArray()), ...(await allPacked(db.callPacks))].sort(byId);
}

export async function storedResets(db: ReboundDb): Promise<ResetRecord[]> {
  return [...(await db.resets.toArray()), ...(await allPacked(db.resetPacks))].sort(byId);
}
