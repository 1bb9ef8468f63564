/**
 * The benchmark in quick mode: every figure still gets measured. Its numbers are not judged, so it
 * may share the machine with another file. It reads the builds the global setup made: rebuilding
 * dist/demo here would pull it from under the browser of the file running beside it.
 */
import { expect, it } from 'vitest';
import { runBench } from '../../scripts/bench';

it('runs every benchmark figure end to end (quick sizes)', async () => {
  const { figures } = await runBench({ quick: true, build: false });
  const names = figures.map((figure) => figure.name);
  for (const expected of [
    'content script gzip',
    'background gzip',
    'popup gzip',
    'options gzip',
    'script CPU per page update, with / without',
    'main-thread CPU per page update, with / without',
    'renderer CPU per page update, with / without',
    'protocol dialer end → toast p95',
    'tab closed → calls row p95',
    'cold start: first signal → toast p50',
    'rating fine: click → reply p50',
    'rating tough: click → reply p50',
    'DOM dialer (Google Voice) end → toast p95',
    'WebRTC call close() → toast p95',
    'seeded calls',
    'seeded resets',
    'popup open → interactive',
    'popup open → interactive, median of 10 more opens',
    'popup first open: navigation → HTML parsed',
    'popup first open: navigation → home reads in',
    'popup next 10 opens (median): navigation → interactive',
    'options history first rows',
    'insights, 30 days',
    'insights, all',
    'export calls CSV',
    'import JSON: file chosen → preview',
    'import JSON: Import → done',
    'A/A control: script CPU, plain / plain',
    'A/A control: main-thread CPU, plain / plain',
  ]) {
    expect(names).toContain(expected);
  }
  expect(names.some((name) => name.startsWith('JS heap after'))).toBe(true);
  const floor = figures.filter((figure) => figure.group.startsWith('page overhead floor'));
  expect(floor.map((figure) => figure.name)).toContain('script CPU per page update, with / without');
  for (const figure of figures) expect(Number.isFinite(figure.value), figure.name).toBe(true);
}, 180_000);
