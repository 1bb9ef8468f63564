import type { UserConfig } from 'vite';

/** What every Vite run here shares (extension bundles and Vitest): Preact's JSX, modern target. */
export const sharedViteConfig = {
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { 'process.env.NODE_ENV': JSON.stringify('production'), __REBOUND_DEMO__: 'false' },
} satisfies UserConfig;
