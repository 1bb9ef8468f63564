import type { Page } from 'playwright-core';
import type { ExportDocument } from '../../src/db/export-format';

/**
 * Imports a history through Options → Your data, as a rep would: choose the file, see the
 * preview, import. `page` is the options page on its Your data section.
 */
export async function importHistoryThroughOptions(
  page: Page,
  history: ExportDocument,
  name = 'seed.json',
  timeoutMs = 60_000,
) {
  await page.getByLabel('Choose a JSON export').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(history)),
  });
  await page.getByRole('heading', { name: `${name} will add:` }).waitFor({ timeout: timeoutMs });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(`Imported. Calls: ${history.calls.length},`).waitFor({ timeout: timeoutMs });
}
