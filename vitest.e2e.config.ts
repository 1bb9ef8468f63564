import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium, the built extension, one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
