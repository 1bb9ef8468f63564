/**
 * The command line of the A/B scripts (popup-ab, history-ab, export-ab, worker-ab, overhead-ab):
 * build directories to compare, then `--name value` options.
 */
import path from 'node:path';

export const abText = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : (process.argv[index + 1] ?? fallback);
};

export const abOption = (name: string, fallback: number): number => Number(abText(name, String(fallback)));

/** The build directories given, at least two, or an error showing `usage`. */
export function abBuilds(usage: string): string[] {
  const builds = process.argv
    .slice(2)
    .filter((arg, index, all) => !arg.startsWith('--') && !all[index - 1]?.startsWith('--'))
    .map((dir) => path.resolve(dir));
  if (builds.length < 2) throw new Error(`usage: ${usage}`);
  return builds;
}
