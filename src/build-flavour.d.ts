/** True in the demo/test flavour (scripts/build.ts `--demo`), false in store builds and Vitest. */
declare const __REBOUND_DEMO__: boolean;
