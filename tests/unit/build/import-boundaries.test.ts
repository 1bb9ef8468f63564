import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The project's own biome.json, run on small files laid out like src/: each wall must stop the
// import that crosses it, with its reason, and let the imports each context really needs through.
const root = resolve(import.meta.dirname, '../../..');
const biome = join(root, 'node_modules/.bin/biome');
let sandbox: string;

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'rebound-boundaries-'));
  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8')) as Record<string, unknown>;
  delete config.$schema;
  writeFileSync(join(sandbox, 'biome.json'), JSON.stringify({ ...config, vcs: { enabled: false } }));
});

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function lint(file: string, specifier: string): string[] {
  const path = join(sandbox, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `import { a } from '${specifier}';\n\nexport const z = a;\n`);
  try {
    execFileSync(biome, ['lint', '--max-diagnostics=50', file], { cwd: sandbox, encoding: 'utf8', stdio: 'pipe' });
    return [];
  } catch (error) {
    const output = `${(error as { stdout: string }).stdout}${(error as { stderr: string }).stderr}`;
    return output.includes('noRestrictedImports') ? [output] : [`unexpected: ${output}`];
  } finally {
    rmSync(path);
  }
}

describe('import boundaries', () => {
  it.each([
    ['src/content/detector-x.ts', '../db/schema', 'never touch the database'],
    ['src/content/adapters/x.ts', 'dexie', 'never touch the database'],
    ['src/content/x.ts', '../background/call-tracker', 'talk to it through src/messages/'],
    ['src/content/toast/x.ts', '../../popup/steps/BreatheStep', 'extension-page UI'],
    ['src/page/x.ts', '../messages/call-signal', 'imports nothing but its channels'],
    ['src/page/x.ts', 'preact', 'imports nothing but its channels'],
    ['src/db/x.ts', '../background/call-tracker', 'belongs to none'],
    ['src/db/x.ts', '../popup/App', 'belongs to none'],
    ['src/popup/x.ts', '../background/live-calls', "background's runtime code"],
    ['src/options/sections/x.ts', '../../background/nudge-policy', "background's runtime code"],
    ['src/onboarding/x.ts', '../background/index', "background's runtime code"],
    ['src/shared-ui/x.ts', '../db/schema', 'never touches the database'],
    ['src/shared-ui/x.ts', '../popup/steps/BreatheStep', "imports no context's UI"],
    ['src/shared-ui/x.ts', '../content/toast/Toast', "imports no context's UI"],
  ])('%s may not import %s', (file, specifier, reason) => {
    const [diagnostic] = lint(file, specifier);
    expect(diagnostic).toContain('noRestrictedImports');
    expect(diagnostic).toContain(reason);
  });

  it.each([
    ['src/page/x.ts', './webrtc-channel'],
    ['src/page/x.ts', './message-channel'],
    ['src/page/x.ts', './frame-ancestry'],
    ['src/content/x.ts', '../messages/call-signal'],
    ['src/db/x.ts', '../calls/call'],
    ['src/popup/x.ts', '../calls/live-calls-state'],
    ['src/popup/x.ts', '../db/schema'],
    ['src/background/x.ts', '../db/schema'],
    ['src/content/toast/x.ts', '../../shared-ui/use-breath-countdown'],
    ['src/popup/steps/x.ts', '../../shared-ui/use-breath-countdown'],
    ['src/shared-ui/x.ts', '../routine/breath-pace'],
  ])('%s may import %s', (file, specifier) => {
    expect(lint(file, specifier)).toEqual([]);
  });
});
