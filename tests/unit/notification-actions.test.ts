import { describe, expect, it, vi } from 'vitest';
import { createNotificationActions } from '../../src/background/notification-actions';

const setup = () => {
  const deps = {
    openReset: vi.fn(async () => undefined),
    openRoughRun: vi.fn(async () => undefined),
    rateTough: vi.fn(async () => undefined),
    clear: vi.fn(async () => true),
  };
  return { deps, actions: createNotificationActions(deps) };
};

describe('nudge notification clicks', () => {
  it('the body opens the reset for its call', async () => {
    const { deps, actions } = setup();
    await actions.clicked('rebound-nudge:hubspot:abc');
    expect(deps.clear).toHaveBeenCalledWith('rebound-nudge:hubspot:abc');
    expect(deps.openReset).toHaveBeenCalledWith('hubspot:abc');
  });

  it('button 0 resets, button 1 rates the call tough', async () => {
    const { deps, actions } = setup();
    await actions.buttonClicked('rebound-nudge:hubspot:abc', 0);
    await actions.buttonClicked('rebound-nudge:hubspot:def', 1);
    expect(deps.openReset).toHaveBeenCalledWith('hubspot:abc');
    expect(deps.rateTough).toHaveBeenCalledWith('hubspot:def');
    expect(deps.openReset).toHaveBeenCalledTimes(1);
  });

  it('after a run of tough calls the body and button 0 open the rough run; button 1 still rates', async () => {
    const { deps, actions } = setup();
    await actions.clicked('rebound-rough-run:hubspot:abc');
    await actions.buttonClicked('rebound-rough-run:hubspot:def', 0);
    await actions.buttonClicked('rebound-rough-run:hubspot:ghi', 1);
    expect(deps.openRoughRun.mock.calls).toEqual([['hubspot:abc'], ['hubspot:def']]);
    expect(deps.rateTough).toHaveBeenCalledWith('hubspot:ghi');
    expect(deps.openReset).not.toHaveBeenCalled();
  });

  it('leaves other notifications alone', async () => {
    const { deps, actions } = setup();
    await actions.clicked('someone-else');
    await actions.buttonClicked('rebound-nudge:', 0);
    expect(deps.clear).not.toHaveBeenCalled();
    expect(deps.openReset).not.toHaveBeenCalled();
  });
});
