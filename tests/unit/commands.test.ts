import { describe, expect, it, vi } from 'vitest';
import manifest from '../../manifest.json';
import { COMMANDS, createCommandHandler } from '../../src/background/commands';

const deps = (breathes: boolean) => ({
  breatheInActiveTab: vi.fn(async () => breathes),
  openPopup: vi.fn(async () => undefined),
  markLastCallTough: vi.fn(async () => true),
});

describe('keyboard shortcuts', () => {
  it('are the manifest commands, with _execute_action opening Rebound', () => {
    expect(Object.keys(manifest.commands).sort()).toEqual(['_execute_action', ...Object.values(COMMANDS)].sort());
  });

  it('quick reset breathes in the page when it can', async () => {
    const d = deps(true);
    await createCommandHandler(d)(COMMANDS.quickReset);
    expect(d.breatheInActiveTab).toHaveBeenCalledOnce();
    expect(d.openPopup).not.toHaveBeenCalled();
  });

  it('quick reset opens the popup on pages without Rebound', async () => {
    const d = deps(false);
    await createCommandHandler(d)(COMMANDS.quickReset);
    expect(d.openPopup).toHaveBeenCalledOnce();
  });

  it('marks the last call tough, and ignores commands it does not know', async () => {
    const d = deps(true);
    const run = createCommandHandler(d);
    await run(COMMANDS.markLastTough);
    await run('something-else');
    expect(d.markLastCallTough).toHaveBeenCalledOnce();
    expect(d.breatheInActiveTab).not.toHaveBeenCalled();
  });
});
