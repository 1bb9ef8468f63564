/**
 * Each routine from the popup's home, start to finish, in real Chromium: the right `resets`
 * row (steps done, moods, causes, lesson, notes), follow-ups whose reminder fires, and a draft
 * that survives the popup closing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtensionSession } from '../../scripts/driver/extension-session';
import type { CallRecord, FollowUpRecord, ResetRecord } from '../../src/db/schema';
import { extensionUnderTest } from './extension-under-test';
import { click, demoCall, heading, openPopup, passBreath, waitForRows } from './popup-driver';

const session = extensionUnderTest({ settings: {} });

interface NotificationGlobals {
  chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } };
}

interface AlarmGlobals {
  chrome: { alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> } };
}

describe('the routines', () => {
  it('after a call: rate, breathe, throw it away, reframe, lesson, ready', async () => {
    const callId = await demoCall(session);
    const page = await openPopup(session);
    const lastCall = page.getByTestId('last-call');
    await expect.poll(() => lastCall.textContent()).toContain('HubSpot calling · 1:35');

    await click(page, 'Reset after this call');
    await heading(page, 'How did that one go?');
    await click(page, 'Tough');
    await page.getByRole('checkbox', { name: 'Angry customer' }).check();
    await page.getByRole('checkbox', { name: 'Delay' }).check();
    await page.getByRole('radio', { name: '2' }).check();
    await click(page, 'Next');

    await heading(page, 'Breathe');
    await passBreath(page);
    await heading(page, 'Throw it away', 15_000);
    await page.getByLabel("What's sticking?").fill('They shouted about the delay');
    await click(page, 'Crumple it and throw it away');
    await page.getByText("Gone. It doesn't get a say in your next call.").waitFor();
    await click(page, 'Next');

    await heading(page, 'What was it really about?');
    await page.getByRole('checkbox', { name: 'A delay' }).check();
    await page.getByRole('checkbox', { name: 'Their day' }).check();
    await click(page, 'Next');

    await heading(page, 'One thing to keep');
    await page.getByLabel('What went well?').fill('I stayed calm');
    await page.getByLabel('What would you do differently?').fill('Name the new date sooner');
    await click(page, 'Next');

    await heading(page, 'Anything to follow up?');
    await click(page, 'Skip');

    await heading(page, 'Ready for the next one');
    await page.getByLabel(/Why do you sell what you sell/).fill('Our tool gives nurses their evenings back');
    await page.getByRole('radio', { name: '4' }).check();
    await page.getByLabel('One prospect to call next (optional)').fill('Acme Health');
    await click(page, 'Done');

    await page.getByRole('button', { name: 'Quick reset' }).waitFor();
    const [reset] = await waitForRows(() => session.readTable<ResetRecord>('resets'), 1);
    expect(reset).toMatchObject({
      kind: 'after-call',
      callId,
      steps: [
        'rate',
        'breathe-5',
        'throw-it-away',
        'not-about-you',
        'understand-why',
        'not-personal',
        'learn',
        'positive',
        'belief',
      ],
      tags: ['angry-customer', 'delay'],
      moodBefore: 2,
      moodAfter: 4,
      causes: ['delay', 'their-day'],
      lesson: { wentWell: 'I stayed calm', doDifferently: 'Name the new date sooner' },
      pipeline: 'Acme Health',
    });
    // What stuck was thrown away, not stored.
    expect(JSON.stringify(reset)).not.toContain('shouted');
    const [call] = await session.readTable<CallRecord>('calls');
    expect(call).toMatchObject({ rating: 'tough', tags: ['angry-customer', 'delay'] });
    const settings = await session.inWorker(
      async () =>
        (
          await (
            globalThis as unknown as {
              chrome: { storage: { local: { get(k: string): Promise<Record<string, { whyISell?: string }>> } } };
            }
          ).chrome.storage.local.get('settings')
        ).settings,
      undefined,
    );
    expect(settings?.whyISell).toBe('Our tool gives nurses their evenings back');

    const today = page.getByTestId('today');
    await expect.poll(() => today.textContent()).toMatch(/Calls\s*1\s*Tough\s*1\s*Resets\s*1/);
    expect(await lastCall.textContent()).toContain('Reset done');
    expect(session.extensionErrors).toEqual([]);
  });

  it('quick reset: one breath, recorded', async () => {
    const page = await openPopup(session);
    await click(page, 'Quick reset');
    await heading(page, 'Breathe');
    await expect.poll(() => page.getByTestId('breath-count').textContent()).toBe('5');
    await passBreath(page);
    await page.getByRole('button', { name: 'Quick reset' }).waitFor({ timeout: 15_000 });
    const [reset] = await waitForRows(() => session.readTable<ResetRecord>('resets'), 1);
    expect(reset).toMatchObject({ kind: 'quick', steps: ['breathe-5'] });
    expect(session.extensionErrors).toEqual([]);
  });

  it('prep: the fact, the question, who to practise with', async () => {
    const page = await openPopup(session);
    await click(page, 'Prep a call back');
    await heading(page, 'The fact to state');
    await page.getByLabel('The fact, in one line').fill('Delivery moves to the 14th');
    await click(page, 'Next');
    await heading(page, 'The question to ask');
    await page.getByLabel('Your question').fill('Is this still a priority for you?');
    await click(page, 'Next');
    await heading(page, 'Practise it with someone');
    await page.getByLabel('Who could practise it with you?').fill('Sam');
    await click(page, 'Done');
    await page.getByRole('button', { name: 'Quick reset' }).waitFor();
    const [reset] = await waitForRows(() => session.readTable<ResetRecord>('resets'), 1);
    expect(reset).toMatchObject({
      kind: 'prep',
      steps: ['tell-the-truth', 'ask-the-hard-question', 'role-play'],
      notes: {
        'tell-the-truth': 'Delivery moves to the 14th',
        'ask-the-hard-question': 'Is this still a priority for you?',
        'role-play': 'Sam',
      },
    });
    expect(session.extensionErrors).toEqual([]);
  });

  it('went quiet: ends with a follow-up whose reminder fires, and is done from the popup', async () => {
    const page = await openPopup(session);
    await click(page, 'Went quiet');
    await heading(page, 'A no is fine');
    await page.getByLabel("How you'll say it").fill("It's fine if we're not the right fit");
    await click(page, 'Next');
    await heading(page, 'Ask how you could do better');
    await click(page, 'Skip');
    await heading(page, "Don't push. Ask where they stand");
    await page.getByLabel('Your closure question').fill('Where should we go from here?');
    await click(page, 'Next');

    await heading(page, 'Give yourself the last word');
    // A due time a few seconds ahead, in the browser's own time zone.
    const [date, time] = await page.evaluate(() => {
      const due = new Date(Date.now() + 4000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return [
        `${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}`,
        `${pad(due.getHours())}:${pad(due.getMinutes())}:${pad(due.getSeconds())}`,
      ];
    });
    await page.getByLabel('Who').fill('Dana, Acme');
    await page.getByLabel('Day').fill(date);
    await page.getByLabel('Time').fill(time);
    await page.getByLabel('Note (optional)').fill('Closure call, either way');
    await click(page, 'Save and remind me');
    await page.getByText(/Saved\. You'll get a reminder on/).waitFor();

    const download = page.waitForEvent('download');
    await click(page, 'Add to calendar (.ics)');
    const ics = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of ics) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('SUMMARY:Follow up: Dana\\, Acme\r\n');

    await click(page, 'Done');
    await page.getByRole('button', { name: 'Quick reset' }).waitFor();

    const [followUp] = await waitForRows(() => session.readTable<FollowUpRecord>('followUps'), 1);
    expect(followUp).toMatchObject({ who: 'Dana, Acme', note: 'Closure call, either way', kind: 'went-quiet' });
    const [reset] = await waitForRows(() => session.readTable<ResetRecord>('resets'), 1);
    expect(reset).toMatchObject({
      kind: 'went-quiet',
      steps: ['ok-with-no', 'dont-close', 'last-word'],
      notes: { 'ok-with-no': "It's fine if we're not the right fit", 'dont-close': 'Where should we go from here?' },
      followUpId: followUp?.id,
    });

    const notificationId = `follow-up:${followUp?.id}`;
    const shown = () =>
      session.inWorker(
        async () => Object.keys(await (globalThis as unknown as NotificationGlobals).chrome.notifications.getAll()),
        undefined,
      );
    await expect.poll(shown, { timeout: 20_000 }).toContain(notificationId);
    await expect.poll(async () => (await session.readTable<FollowUpRecord>('followUps'))[0]?.notifiedAt).toBeDefined();

    await page.reload();
    const list = page.getByTestId('follow-ups');
    await expect.poll(() => list.textContent()).toContain('Dana, Acme');
    await list.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => (await session.readTable<FollowUpRecord>('followUps'))[0]?.doneAt).toBeDefined();
    await expect.poll(shown).not.toContain(notificationId);
    await expect.poll(() => page.getByTestId('follow-ups').count()).toBe(0);
    expect(session.extensionErrors).toEqual([]);
  });

  it('keeps a routine the popup closed on, and picks it up on the next open', async () => {
    const page = await openPopup(session);
    await click(page, 'Went quiet');
    await heading(page, 'A no is fine');
    await page.getByLabel("How you'll say it").fill('No is a fine answer');
    await click(page, 'Next');
    await heading(page, 'Ask how you could do better');
    await page.getByLabel('Your question').fill('What could I have done bet');
    await page.close();

    const again = await openPopup(session);
    const draft = again.getByTestId('draft');
    await expect.poll(() => draft.textContent()).toContain('Went quiet · step 2 of 4');
    await draft.getByRole('button', { name: 'Continue' }).click();
    await heading(again, 'Ask how you could do better');
    expect(await again.getByLabel('Your question').inputValue()).toBe('What could I have done bet');
    await again.getByLabel('Your question').fill('What could I have done better?');
    await click(again, 'Next');
    await click(again, 'Skip');
    await click(again, 'Skip');
    await again.getByRole('button', { name: 'Quick reset' }).waitFor();
    expect(await again.getByTestId('draft').count()).toBe(0);

    const [reset] = await waitForRows(() => session.readTable<ResetRecord>('resets'), 1);
    expect(reset).toMatchObject({
      kind: 'went-quiet',
      steps: ['ok-with-no', 'ask-feedback'],
      notes: { 'ok-with-no': 'No is a fine answer', 'ask-feedback': 'What could I have done better?' },
    });
    expect(session.extensionErrors).toEqual([]);
  });
});

describe('the keyboard', () => {
  it('runs a routine with keys alone, and Esc leaves', async () => {
    const page = await openPopup(session);
    // Home finishes drawing first: a Tab pressed before its buttons exist goes nowhere.
    await page.getByRole('button', { name: 'Prep a call back' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Prep a call back');
    await page.keyboard.press('Enter');
    await heading(page, 'The fact to state');
    // The step's heading takes focus, so the next Tab lands in the step.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('The new date is the 14th');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await heading(page, 'The question to ask');
    await page.keyboard.press('Escape');
    await page.getByTestId('draft').waitFor();
    expect(await session.readTable('resets')).toEqual([]);
    expect(session.extensionErrors).toEqual([]);
  });
});

describe('follow-up reminders across a browser restart', () => {
  it('are set again from the database when the browser starts', async () => {
    const profileDir = await mkdtemp(path.join(os.tmpdir(), 'rebound-e2e-restart-'));
    const alarms = (on: ExtensionSession) =>
      on.inWorker(
        async () => (await (globalThis as unknown as AlarmGlobals).chrome.alarms.getAll()).map((a) => a.name),
        undefined,
      );
    try {
      await session.relaunch({ profileDir });
      // Stored as an import would store it: no alarm was ever set for it.
      const id = await session.addRow('followUps', { who: 'Dana', dueAt: Date.now() + 3_600_000 });
      expect(await alarms(session)).not.toContain(`follow-up:${id}`);
      await session.relaunch({ profileDir });
      await expect.poll(() => alarms(session), { timeout: 10_000 }).toContain(`follow-up:${id}`);
      expect(session.extensionErrors).toEqual([]);
    } finally {
      await session.close();
      await rm(profileDir, { recursive: true, force: true });
    }
  });
});
