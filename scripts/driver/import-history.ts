import type { Page } from 'playwright-core';
import type { ExportDocument } from '../../src/db/export-format';

/** How long each step of an import took in the page, once the file was handed over. */
export interface ImportTimings {
  /** File chosen → preview shown: read, parse, check and plan. */
  previewMs: number;
  /** Import pressed → done: the one transaction that writes it all. */
  applyMs: number;
}

/**
 * Imports a history through Options → Your data, as a rep would: choose the file, see the
 * preview, import. `page` is the options page on its Your data section. The timings leave out
 * handing the file to the browser (the driver's own transfer, not the rep's wait).
 */
export async function importHistoryThroughOptions(
  page: Page,
  history: ExportDocument,
  name = 'seed.json',
  timeoutMs = 60_000,
  /** Calls the import adds: fewer than the file holds when some are here already. */
  added = history.calls.length,
): Promise<ImportTimings> {
  // Handing over a 100,000-call file took over Playwright's default 30 s on a loaded machine.
  await page
    .getByLabel('Choose a JSON export')
    .setInputFiles(
      { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(history)) },
      { timeout: timeoutMs },
    );
  const chosenAt = performance.now();
  await page.getByRole('heading', { name: `${name} will add:` }).waitFor({ timeout: timeoutMs });
  const previewAt = performance.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(`Imported. Calls: ${added.toLocaleString('en-US')},`).waitFor({ timeout: timeoutMs });
  return { previewMs: previewAt - chosenAt, applyMs: performance.now() - previewAt };
}
