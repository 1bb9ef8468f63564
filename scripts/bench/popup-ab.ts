/**
 * Popup builds compared in one run, on one seeded history (seeded-ab.ts): `npx tsx
 * scripts/bench/popup-ab.ts <dir> <dir>… [--calls N] [--rounds R] [--opens K]`, each dir an
 * unpacked Chromium build (a copy of dist/demo/chrome). The popup is the only page open, as for
 * a rep.
 */
import { abBuilds, abOption } from './ab-args';
import { openPopup } from './popup-open';
import { compareOnSeededHistory } from './seeded-ab';

await compareOnSeededHistory({
  builds: abBuilds('popup-ab.ts <dir> <dir>… [--calls N] [--rounds R] [--opens K]'),
  calls: abOption('calls', 100_000),
  rounds: abOption('rounds', 4),
  opens: abOption('opens', 5),
  measure: (session) => openPopup(session.context, session.extensionUrl('popup/index.html')),
  parts: [
    ['last byte', (open) => open.lastByte],
    ['HTML parsed', (open) => open.parsed],
    ['scripts run (DOMContentLoaded)', (open) => open.scriptsRun],
    ['first paint', (open) => open.firstPaint],
    ['home reads in', (open) => open.readsIn],
    ['interactive', (open) => open.interactive],
  ],
});
