import type { DialerAdapter } from './adapter';
import { aircallAdapter } from './aircall';
import { dialpadAdapter } from './dialpad';
import { hubspotAdapter } from './hubspot';
import { justcallAdapter } from './justcall';
import { ringcentralAdapter } from './ringcentral';
import { zoomPhoneAdapter } from './zoom-phone';

/** The dialers that announce their calls over postMessage; they share one listener per frame. */
export const PROTOCOL_ADAPTERS: readonly DialerAdapter[] = [
  hubspotAdapter,
  ringcentralAdapter,
  aircallAdapter,
  justcallAdapter,
  zoomPhoneAdapter,
  dialpadAdapter,
];
