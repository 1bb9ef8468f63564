/** Every call or reset the extension holds, rows and packed alike, by id: an import packs them. */
import type { ExtensionSession } from '../../scripts/driver/extension-session';

export async function storedRows<T extends { id: number }>(
  session: Pick<ExtensionSession, 'readTable'>,
  table: 'calls' | 'resets',
): Promise<T[]> {
  const rows = await session.readTable<T>(table);
  const packs = await session.readTable<{ rows: T[] }>(table === 'calls' ? 'callPacks' : 'resetPacks');
  return [...rows, ...packs.flatMap((pack) => pack.rows)].sort((a, b) => a.id - b.id);
}
