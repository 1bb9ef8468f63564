/**
 * The worker keeps home's snapshot current: each change moves the history stamp on first, then
 * stores a fresh read under it; a read overtaken by a later change is not stored.
 */
import { describe, expect, it, vi } from 'vitest';
import { homeSnapshotWriter } from '../../../src/background/home-snapshot-writer';
import type { HomeSnapshot } from '../../../src/db/home-reader';
import type { StoredHomeSnapshot } from '../../../src/db/home-snapshot';
import { startOfDay } from '../../../src/db/today';
import { memorySlot } from '../popup/memory-slot';

const NOW = new Date(2026, 10, 25, 15, 0).getTime();
const snapshotWith = (calls: number): HomeSnapshot => ({
  last: null,
  today: { calls, tough: 0, resets: 0 },
  followUps: [],
});

function setUp(read: (now: number) => Promise<HomeSnapshot>, now = () => NOW) {
  const historyChanged = memorySlot<number>();
  const snapshot = memorySlot<StoredHomeSnapshot>();
  const writer = homeSnapshotWriter({ historyChanged, snapshot, read, now });
  return { writer, historyChanged, snapshot };
}

describe('homeSnapshotWriter', () => {
  it('moves the stamp on, then stores the history read under it', async () => {
    const order: string[] = [];
    const { writer, historyChanged, snapshot } = setUp(async () => {
      order.push(`read after stamp ${historyChanged.value}`);
      return snapshotWith(3);
    });
    await writer.changed();
    expect(order).toEqual([`read after stamp ${NOW}`]);
    expect(snapshot.value).toEqual({ basedOn: NOW, dayStart: startOfDay(NOW), snapshot: snapshotWith(3) });
  });

  it('gives two changes in one millisecond two stamps', async () => {
    const { writer, historyChanged } = setUp(async () => snapshotWith(1));
    await writer.changed();
    await writer.changed();
    expect(historyChanged.writes).toEqual([NOW, NOW + 1]);
  });

  it('does not store a read that a later change overtook, and reads again for that change', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const firstRead = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { writer, historyChanged, snapshot } = setUp(async () => {
      calls += 1;
      const seen = calls;
      if (seen === 1) await firstRead;
      return snapshotWith(seen);
    });
    const first = writer.changed();
    await vi.waitFor(() => expect(calls).toBe(1));
    const second = writer.changed();
    release();
    await Promise.all([first, second]);
    expect(calls).toBe(2);
    expect(snapshot.writes).toEqual([{ basedOn: NOW + 1, dayStart: startOfDay(NOW), snapshot: snapshotWith(2) }]);
    expect(historyChanged.value).toBe(NOW + 1);
  });

  it('says when the stamp is stored apart from when the snapshot is: a reply need only wait for the first', async () => {
    let release: () => void = () => undefined;
    const readDone = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { writer, historyChanged, snapshot } = setUp(async () => {
      await readDone;
      return snapshotWith(4);
    });
    const { stamped, refreshed } = writer.change();
    await stamped;
    expect(historyChanged.value).toBe(NOW);
    expect(snapshot.value).toBeUndefined();
    release();
    await refreshed;
    expect(snapshot.value).toEqual({ basedOn: NOW, dayStart: startOfDay(NOW), snapshot: snapshotWith(4) });
  });

  it('leaves no snapshot for the change when the read fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { writer, historyChanged, snapshot } = setUp(async () => {
      throw new Error('The database is broken');
    });
    await writer.changed();
    expect(historyChanged.value).toBe(NOW);
    expect(snapshot.value).toBeUndefined();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
