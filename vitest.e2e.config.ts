import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: real Chromium, the built extension, two files at a time (the machine has two
 * cores). Every file brings its own browser, profile, fixture server and, where it writes outside
 * them (a managed policy), its own copy of the extension; nothing a file does reaches another.
 */
export default defineConfig({
  // Tests read the dialer catalog as the store build sees it.
  define: { __REBOUND_DEMO__: 'false' },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
