/**
 * Salesloft's dialer lives in the app page: while a call is up it shows a control named
 * "End Call" / "Hang Up". Try it on: tests/fixtures/salesloft.
 */
import { hasVisibleHangUpControl } from '../dom/hang-up-control';
import { presenceAdapter } from '../dom/presence-adapter';

export const salesloftAdapter = presenceAdapter('salesloft', (doc) => ({ live: hasVisibleHangUpControl(doc) }));
