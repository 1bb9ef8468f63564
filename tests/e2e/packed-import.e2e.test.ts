/**
 * Issue 15: an import stores its calls and resets packed, hundreds to a record. In real Chromium,
 * what it packed is what History, Insights, the popup's last call and the export show.
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { importHistoryThroughOptions } from '../../scripts/driver/import-history';
import { generateHistory } from '../../scripts/seed-history';
import type { ExportDocument } from '../../src/db/export-format';
import { extensionUnderTest } from './extension-under-test';
import { openPopup } from './popup-driver';
import { storedRows } from './stored-rows';

const session = extensionUnderTest({ settings: {} });

it('an imported history is stored packed and reads as rows everywhere', async () => {
  const history = generateHistory({ calls: 1_200, resets: 300, endAt: Date.now() });
  // The newest call is a tough one with no reset yet: the popup offers one after it. Newest by its
  // end, as the popup reads it: the last call started can end before a longer one started earlier.
  const newest = history.calls.reduce((found, call) =>
    call.endedAt > found.endedAt || (call.endedAt === found.endedAt && call.id > found.id) ? call : found,
  );
  Object.assign(newest, { outcome: 'completed', rating: 'tough', ratedAt: newest.endedAt + 1000 });
  history.resets = history.resets.filter((reset) => reset.callId !== newest.id);

  const data = await session.context.newPage();
  await data.goto(session.extensionUrl('options/index.html#your-data'));
  await importHistoryThroughOptions(data, history);
  expect(await session.readTable('calls')).toEqual([]);
  expect((await session.readTable('callPacks')).length).toBeGreaterThanOrEqual(3);
  expect((await storedRows(session, 'calls')).length).toBe(1_200);

  const popup = await openPopup(session);
  const lastCall = popup.getByTestId('last-call');
  await lastCall.getByText('You rated it: Tough').waitFor();
  await lastCall.getByRole('button', { name: 'Reset after this call' }).waitFor();

  const list = await session.context.newPage();
  await list.goto(session.extensionUrl('options/index.html#history'));
  await list.getByRole('status').getByText('Matching calls: 1,200', { exact: true }).waitFor();

  const insights = await session.context.newPage();
  await insights.goto(session.extensionUrl('options/index.html#insights'));
  await insights.getByRole('button', { name: 'All' }).click();
  await insights
    .locator('dl.figures dd')
    .first()
    .filter({ hasText: /^1,200$/ })
    .waitFor();

  const download = data.waitForEvent('download');
  await data.getByRole('button', { name: 'Export everything (JSON)' }).click();
  const exported = JSON.parse(await readFile((await (await download).path()) as string, 'utf8')) as ExportDocument;
  expect(exported.calls).toEqual(await storedRows(session, 'calls'));
  expect(exported.calls.map((call) => call.id)).toEqual(history.calls.map((call) => call.id));
  expect(exported.resets).toEqual(await storedRows(session, 'resets'));
  expect(session.extensionErrors).toEqual([]);
});
