import { defineConfig } from 'vitest/config';

/**
 * Files that measure time in a real browser and judge the figures (talk: speech and overtalk
 * seconds from live audio, within a second of the script). A second browser on two cores delays
 * their timers enough to move those figures, so they run after the rest, one at a time.
 */
const ALONE = ['tests/e2e/talk.e2e.test.ts'];

const shared = {
  // Tests read the dialer catalog as the store build sees it.
  define: { __REBOUND_DEMO__: 'false' },
  test: { environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
} as const;

/**
 * End-to-end tests: real Chromium, the built extension, two files at a time (the machine has two
 * cores). Every file brings its own browser, profile, fixture server and, where it writes outside
 * them (a managed policy), its own copy of the extension, so nothing one does reaches the other.
 * The builds happen once, in the global setup, before any file runs.
 */
export default defineConfig({
  test: {
    globalSetup: ['tests/e2e/global-setup.ts'],
    projects: [
      {
        ...shared,
        test: { ...shared.test, name: 'e2e', include: ['tests/e2e/**/*.e2e.test.ts'], exclude: ALONE, maxWorkers: 2 },
      },
      {
        ...shared,
        // One worker and no group order of its own: Vitest runs these after every other group.
        test: { ...shared.test, name: 'e2e-alone', include: ALONE, fileParallelism: false, maxWorkers: 1 },
      },
    ],
  },
});
