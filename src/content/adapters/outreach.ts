/**
 * Outreach's dialer is an iframe in the app (hence the detector in every frame): while a call
 * is up it shows a control named "Hang Up" / "Hangup" / "End Call". Try it on:
 * tests/fixtures/outreach.
 */
import { hasVisibleHangUpControl } from '../dom/hang-up-control';
import { presenceAdapter } from '../dom/presence-adapter';

export const outreachAdapter = presenceAdapter('outreach', (doc) => ({ live: hasVisibleHangUpControl(doc) }));
