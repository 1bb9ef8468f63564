// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RoutineSection } from '../../src/options/sections/RoutineSection';
import { loadSettings } from '../../src/settings/settings-store';
import fakeBrowser from './fakes/fake-browser';

afterEach(cleanup);

describe('Options → Your reset', () => {
  it('keeps the why-I-sell line the routine shows on its last step', async () => {
    await fakeBrowser.storage.local.set({ settings: { breathSeconds: 30 } });
    render(<RoutineSection />);
    const field = await screen.findByLabelText('Why you sell (shown at the end of a reset)');
    fireEvent.change(field, { target: { value: '  Clinics run better  ' } });
    await screen.findByText('Saved.');
    expect(await loadSettings()).toMatchObject({ whyISell: 'Clinics run better', breathSeconds: 30 });
    await waitFor(() => expect((field as HTMLTextAreaElement).value).toBe('Clinics run better'));
  });
});
