import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { resetFakeBrowser } from './fakes/fake-browser';

afterEach(() => resetFakeBrowser());

// Component tests (happy-dom) find what a lazy chunk renders: its first import can outlast Testing
// Library's 1 s default when both workers share two busy cores. Only the wait before failing grows.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/preact');
  configure({ asyncUtilTimeout: 5000 });
}
