import type { DialerAdapter } from './adapter';
import { customSiteAdapter } from './custom-site';
import { googleVoiceAdapter } from './google-voice';
import { outreachAdapter } from './outreach';
import { PROTOCOL_ADAPTERS } from './protocol-adapters';
import { salesloftAdapter } from './salesloft';
import { webrtcAdapter } from './webrtc';

/** Every adapter the detector starts in a frame, most specific first. */
export const CONTENT_ADAPTERS: readonly DialerAdapter[] = [
  ...PROTOCOL_ADAPTERS,
  webrtcAdapter,
  googleVoiceAdapter,
  salesloftAdapter,
  outreachAdapter,
  customSiteAdapter,
];
