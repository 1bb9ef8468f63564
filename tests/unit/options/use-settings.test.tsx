// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SettingsEditor, useSettings } from '../../../src/options/use-settings';
import { loadSettings } from '../../../src/settings/settings-store';
import fakeBrowser from '../fakes/fake-browser';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Two sections on one page, each with its own editor, as Options has them. */
function renderEditors(): SettingsEditor[] {
  const editors: SettingsEditor[] = [];
  function Section({ slot }: { slot: number }) {
    editors[slot] = useSettings();
    return <p data-testid={`status-${slot}`}>{editors[slot].status}</p>;
  }
  render(
    <>
      <Section slot={0} />
      <Section slot={1} />
    </>,
  );
  return editors;
}

describe('useSettings, the one way an Options section loads and saves settings', () => {
  it('loads the stored settings, shows a change at once and says when it is saved', async () => {
    await fakeBrowser.storage.local.set({ settings: { breathSeconds: 30 } });
    const editors = renderEditors();
    await waitFor(() => expect(editors[0]?.settings?.breathSeconds).toBe(30));
    let saved: Promise<unknown> = Promise.resolve();
    act(() => {
      saved = editors[0]?.update({ toastSeconds: 12 }) ?? saved;
    });
    expect(editors[0]?.settings?.toastSeconds).toBe(12);
    await act(async () => {
      await saved;
    });
    expect(screen.getByTestId('status-0').textContent).toBe('Saved.');
    expect(await loadSettings()).toMatchObject({ breathSeconds: 30, toastSeconds: 12 });
  });

  it('never undoes another section or a quicker edit: each save goes over what is stored now', async () => {
    const editors = renderEditors();
    await waitFor(() => expect(editors[1]?.settings).not.toBeNull());
    await act(async () => {
      await Promise.all([
        editors[0]?.update({ whyISell: 'Clinics run better' }),
        editors[0]?.update({ cooldownMinutes: 5 }),
        editors[1]?.update({ retentionDays: 30 }, (saved) => `Kept ${saved.retentionDays} days`),
      ]);
    });
    expect(await loadSettings()).toMatchObject({
      whyISell: 'Clinics run better',
      cooldownMinutes: 5,
      retentionDays: 30,
    });
    expect(screen.getByTestId('status-1').textContent).toBe('Kept 30 days');
  });

  it('says so when a save fails, resolves undefined, and shows what is stored again', async () => {
    await fakeBrowser.storage.local.set({ settings: { toastSeconds: 20 } });
    const editors = renderEditors();
    await waitFor(() => expect(editors[0]?.settings?.toastSeconds).toBe(20));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('quota'));
    let result: unknown = 'pending';
    await act(async () => {
      result = await editors[0]?.update({ toastSeconds: 40 });
    });
    expect(result).toBeUndefined();
    expect(screen.getByTestId('status-0').textContent).toBe("Couldn't save that change. Try again.");
    await waitFor(() => expect(editors[0]?.settings?.toastSeconds).toBe(20));
  });

  it('says so when the settings cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('gone'));
    const editors = renderEditors();
    await waitFor(() => expect(screen.getByTestId('status-0').textContent).not.toBe(''));
    expect(editors[0]?.settings).toBeNull();
  });
});
