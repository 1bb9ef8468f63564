/**
 * Google Voice (voice.google.com) has no embedding protocol: the call is read from the page.
 * While a call is on screen it shows the hang-up button `[gv-test-id="in-call-end-call"]`; once
 * the other side answers, the call timer `[gv-test-id="in-call-callduration"]`. Both go when it
 * ends. Try it on: tests/fixtures/google-voice.
 */
import { presenceAdapter } from '../dom/presence-adapter';
import { isVisible } from '../dom/watch-dom';

export const googleVoiceAdapter = presenceAdapter('google-voice', (doc) => {
  const hangUp = doc.querySelector('[gv-test-id="in-call-end-call"]');
  return {
    live: hangUp !== null && isVisible(hangUp),
    talking: doc.querySelector('[gv-test-id="in-call-callduration"]') !== null,
  };
});
