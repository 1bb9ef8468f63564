import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedViteConfig } from './scripts/vite-shared';

export default mergeConfig(
  sharedViteConfig,
  defineConfig({
    resolve: {
      alias: {
        // Unit tests run without a browser: the one module that reaches WebExtension APIs
        // gets an in-memory fake.
        'webextension-polyfill': fileURLToPath(new URL('./tests/unit/fakes/fake-browser.ts', import.meta.url)),
      },
    },
    test: {
      include: ['tests/unit/**/*.test.{ts,tsx}'],
      setupFiles: ['tests/unit/setup.ts'],
      environment: 'node',
      // Vitest's default leaves one of the two cores to itself; its main process mostly waits.
      maxWorkers: 2,
      // The 5 s default failed the few-thousand-row import tests when other work shared the cores:
      // a time limit on a busy machine judges the machine, not the code.
      testTimeout: 20_000,
    },
  }),
);
