import { describe, expect, it } from 'vitest';
import { type DroppedCounts, droppedMessageCounter } from '../../src/background/dropped-messages';
import type { SessionSlot } from '../../src/platform/session-store';

function memorySlot(): SessionSlot<DroppedCounts> & { value?: DroppedCounts } {
  const slot: SessionSlot<DroppedCounts> & { value?: DroppedCounts } = {
    read: async () => slot.value,
    write: async (value) => {
      slot.value = value;
    },
    clear: async () => {
      slot.value = undefined;
    },
  };
  return slot;
}

describe('droppedMessageCounter', () => {
  it('counts every drop by reason, even when drops arrive together', async () => {
    const slot = memorySlot();
    const count = droppedMessageCounter(slot);
    for (let i = 0; i < 25; i++) count('malformed');
    count('foreign sender');
    await expect.poll(() => slot.value).toEqual({ malformed: 25, 'foreign sender': 1 });
  });

  it('keeps counting after a storage failure', async () => {
    const slot = memorySlot();
    let fail = true;
    const write = slot.write;
    slot.write = async (value) => {
      if (fail) {
        fail = false;
        throw new Error('quota');
      }
      await write(value);
    };
    const count = droppedMessageCounter(slot);
    count('malformed');
    count('malformed');
    await expect.poll(() => slot.value).toEqual({ malformed: 1 });
  });
});
