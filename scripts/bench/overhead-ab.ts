/**
 * Page-overhead levers compared in one run: `npx tsx scripts/bench/overhead-ab.ts <dir> <dir>…
 * [--blocks B] [--rounds R] [--page busy-crm/on-a-call.html]`, each dir an unpacked Chromium
 * build (a copy of dist/demo/chrome, changed or not). Every build and two plain browsers open
 * the page at once and are read in the same windows (as the bench's page-overhead figure), so
 * each build's ratio against the plain browser is taken in the very windows of the others' and
 * of the A/A control's. The bench's own figure compares one build with nothing; a lever's gain
 * is smaller than that figure's A/A spread, and shows only side by side.
 */
import path from 'node:path';
import { BENCH_SETTINGS } from '../bench';
import { type ExtensionSession, launchExtension } from '../driver/extension-session';
import { abBuilds, abOption, abText } from './ab-args';
import { median, pairedRatio } from './figures';
import {
  BUSY_CRM,
  BUSY_CRM_UNREAD_CHATTER,
  plainBrowser,
  type Sample,
  sampleSides,
  scriptPerUpdate,
  threadPerUpdate,
} from './page-overhead';
import { CALL_PAGE } from './talk';

const builds = abBuilds('overhead-ab.ts <dir> <dir>… [--blocks B] [--rounds R] [--page path]');
const blocks = abOption('blocks', 6);
const rounds = abOption('rounds', 10);
const pagePath = abText('page', BUSY_CRM.path);
// A page the bench measures is measured as the bench does (the call page once its call is up).
const ready = [BUSY_CRM, BUSY_CRM_UNREAD_CHATTER, CALL_PAGE].find((page) => page.path === pagePath)?.ready;

const sessions: ExtensionSession[] = [];
const plain = await plainBrowser();
const control = await plainBrowser();
try {
  for (const build of builds) {
    const session = await launchExtension({ extensionDir: build });
    sessions.push(session);
    await session.setSettings(BENCH_SETTINGS);
    await session.waitForDetector();
  }
  // Every side loads the page from the first session's fixture server: the same bytes, one origin.
  const url = `${(sessions[0] as ExtensionSession).server.url}${pagePath}`;
  const contexts = [...sessions.map((session) => session.context), plain.context, control.context];
  const samples = await sampleSides(contexts, url, { blocks, rounds, windowMs: 1000 }, ready);
  const without = samples[builds.length] as Sample[];
  const cell = (side: Sample[], pick: (sample: Sample) => number) => {
    const { value, interval } = pairedRatio(side.map(pick), without.map(pick), { block: rounds });
    return `${value.toFixed(3)} (${interval.map((end) => end.toFixed(3)).join('–')})`;
  };
  const names = [...builds.map((build) => path.basename(build)), 'A/A: plain again'];
  console.log(`${pagePath} · ${blocks} blocks × ${rounds} rounds of 1 s · each side / plain, median (95% interval)`);
  console.log('| side | script CPU per update | main-thread CPU per update | script ms/s |');
  console.log('| --- | --- | --- | --- |');
  for (const [index, name] of names.entries()) {
    const side = samples[index < builds.length ? index : builds.length + 1] as Sample[];
    const msPerSecond = median(side.map((sample) => sample.scriptMs / sample.seconds)).toFixed(2);
    console.log(`| ${name} | ${cell(side, scriptPerUpdate)} | ${cell(side, threadPerUpdate)} | ${msPerSecond} |`);
  }
} finally {
  for (const session of sessions) await session.close();
  await plain.close();
  await control.close();
}
