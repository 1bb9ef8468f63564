/**
 * `npm run seed -- [--calls N] [--seed S] [--out file.json]`: writes a realistic history as a
 * Rebound export file (default 2,000 calls into demo-output/seed-history.json). Import it in
 * Options → Your data, or let the demo and the benchmark load it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './build';
import { generateHistory } from './seed-history';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: path.join(repoRoot, 'demo-output', 'seed-history.json') },
  },
});
const calls = Number(values.calls);
const seed = Number(values.seed);
if (!Number.isInteger(calls) || calls < 0 || !Number.isInteger(seed)) {
  console.error('Usage: npm run seed -- [--calls N] [--seed S] [--out file.json]');
  process.exit(1);
}
const history = generateHistory({ calls, seed, endAt: Date.now() });
await mkdir(path.dirname(values.out), { recursive: true });
await writeFile(values.out, JSON.stringify(history));
console.log(
  `Wrote ${history.calls.length} calls, ${history.resets.length} resets, ${history.followUps.length} follow-ups to ${values.out}`,
);
