import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { resetFakeBrowser } from './fakes/fake-browser';

afterEach(() => resetFakeBrowser());
