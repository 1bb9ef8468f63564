// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationView } from '../../../src/options/sections/history/ConversationView';
import { ConversationSignalsSwitch } from '../../../src/options/sites/ConversationSignalsSwitch';
import { OpenLineField } from '../../../src/options/sites/OpenLineField';
import { loadSettings } from '../../../src/settings/settings-store';

afterEach(cleanup);

describe('conversation signals in Options and onboarding', () => {
  it('the switch is on by default and off in one click', async () => {
    render(<ConversationSignalsSwitch />);
    const toggle = await screen.findByRole('switch', { name: 'Conversation signals (stay on this computer)' });
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true));
    fireEvent.click(toggle);
    await waitFor(async () => expect((await loadSettings()).conversationSignals).toBe(false));
  });

  it('marks a site’s line open, with its quiet seconds; a bad value is named and not saved', async () => {
    render(<OpenLineField site="https://crm.example.com" />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'This dialer keeps the line open between calls' }));
    const quiet = await screen.findByRole('spinbutton', { name: 'A call ends after this many quiet seconds' });
    expect((quiet as HTMLInputElement).value).toBe('20');
    fireEvent.change(quiet, { target: { value: '2' } });
    await screen.findByText('Quiet seconds: enter a whole number from 5 to 600.');
    fireEvent.change(quiet, { target: { value: '45' } });
    await waitFor(async () =>
      expect((await loadSettings()).openLines).toEqual([
        { site: 'https://crm.example.com', open: true, quietSeconds: 45 },
      ]),
    );
    expect(screen.queryByText(/Quiet seconds: enter/)).toBeNull();
  });
});

describe('a call’s conversation in History', () => {
  it('says there are no signals rather than showing zeros', () => {
    render(<ConversationView talk={undefined} />);
    screen.getByText('No conversation signals for this call.');
    expect(screen.queryByText(/0:00/)).toBeNull();
  });

  it('puts the figures in plain words, with who spoke when', () => {
    render(
      <ConversationView
        talk={{
          figures: {
            heardS: 100,
            repTalkS: 30,
            otherTalkS: 70,
            overtalkS: 70,
            longestOtherS: 45,
            longestRepS: 12,
            silenceS: 10,
            loudMoments: 2,
          },
          timeline: [
            [1, 30],
            [3, 70],
          ],
        }}
      />,
    );
    screen.getByText('You talked 0:30, they talked 1:10.');
    screen.getByText('You did 30% of the talking.');
    screen.getByText('You talked over each other for 1:10.');
    screen.getByText('Their longest stretch: 0:45. Yours: 0:12.');
    screen.getByText('Quiet for 10% of the call.');
    screen.getByText('Loud moments: 2.');
    screen.getByText('Who spoke when');
    screen.getByText('both 1:10');
  });
});
