/** A call's tab closed mid-call → its `calls` row written. */
import type { ExtensionSession } from '../driver/extension-session';
import { type Figure, latencyFigures } from './figures';

export async function tabCloseLatency(session: ExtensionSession, rounds: number): Promise<Figure[]> {
  const countCalls = () => session.countRows('calls');
  await session.waitForDetector();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const before = await countCalls();
    const page = await session.context.newPage();
    await page.goto(`${session.server.url}demo-dialer/index.html?answerDelayMs=0`);
    const softphone = page.frameLocator('#softphone');
    await page.getByRole('button', { name: 'Call Dana Whitfield' }).click();
    await softphone.getByText('On call').waitFor();
    // The start has to reach the background before the tab goes.
    await page.waitForTimeout(300);
    const closedAt = performance.now();
    await page.close();
    while ((await countCalls()) === before) await new Promise((resolve) => setTimeout(resolve, 2));
    samples.push(performance.now() - closedAt);
  }
  return latencyFigures('tab closed', 'tab closed → calls row', samples).filter(
    (figure) => !figure.name.endsWith('max'),
  );
}
