import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium, the built extension, one file at a time. */
export default defineConfig({
  // Tests read the dialer catalog as the store build sees it.
  define: { __REBOUND_DEMO__: 'false' },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
