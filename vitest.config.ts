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
    },
  }),
);
