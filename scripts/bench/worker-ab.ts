/**
 * Worker builds compared sample by sample, so the machine's load weighs on all alike (a lever's
 * before and after): `npx tsx scripts/bench/worker-ab.ts <dir> <dir>… [--rounds N]`, each dir an
 * unpacked Chromium build (a copy of dist/demo/chrome). Every build gets its own browser and
 * profile, all open at once; each round takes, build after build in a rotating order, one warm
 * and one cold signal → toast and one WebRTC close() → toast, measured by the same functions as
 * `npm run bench -- --only cold-start,webrtc`, with its settings. On a shared machine, runs of
 * one build after another mostly compared the load of the minutes each ran in.
 */
import os from 'node:os';
import path from 'node:path';
import { BENCH_SETTINGS } from '../bench';
import { launchExtension } from '../driver/extension-session';
import { abBuilds, abOption } from './ab-args';
import { webrtcCallToToast } from './detection-latency';
import { percentile } from './figures';
import { coldStartRounds } from './worker';

const builds = abBuilds('worker-ab.ts <dir> <dir>… [--rounds N]');
const rounds = abOption('rounds', 30);

const sessions = [];
for (const extensionDir of builds) {
  const session = await launchExtension({ extensionDir });
  await session.setSettings(BENCH_SETTINGS);
  sessions.push({
    session,
    dialer: await coldStartRounds(session),
    cold: [] as number[],
    warm: [] as number[],
    webrtc: [] as number[],
  });
}
const loads: number[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < sessions.length; turn++) {
      const side = sessions[(round + turn) % sessions.length];
      if (!side) continue;
      const { warm, cold } = await side.dialer.round();
      side.warm.push(warm);
      side.cold.push(cold);
      side.webrtc.push(await webrtcCallToToast(side.session));
    }
    loads.push(os.loadavg()[0] ?? 0);
  }
} finally {
  for (const { session } of sessions) await session.close();
}

const cell = (samples: number[]) => `${percentile(samples, 50).toFixed(1)} / ${percentile(samples, 95).toFixed(1)}`;
console.log(
  `${rounds} rounds, builds taking turns; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}; p50 / p95, ms`,
);
console.log('| build | cold start: signal → toast | warm: signal → toast | WebRTC close() → toast |');
console.log('| --- | --- | --- | --- |');
sessions.forEach((side, index) => {
  console.log(
    `| ${path.basename(builds[index] ?? '')} | ${cell(side.cold)} | ${cell(side.warm)} | ${cell(side.webrtc)} |`,
  );
});
