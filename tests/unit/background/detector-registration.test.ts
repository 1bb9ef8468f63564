import { describe, expect, it } from 'vitest';
import { detectorScriptsFor } from '../../../src/background/detector-registration';

describe('detector registration', () => {
  it('registers nothing when no dialer host is granted, nor for blanket grants', () => {
    expect(detectorScriptsFor([])).toEqual([]);
    expect(detectorScriptsFor(['<all_urls>', '*://*/*'])).toEqual([]);
  });

  it('runs the detector and the MAIN-world WebRTC hook in every frame of the granted hosts, about:blank ones too', () => {
    const scripts = detectorScriptsFor(['https://dialpad.com/*', 'https://app.hubspot.com/*']);
    expect(scripts.map((script) => [script.id, script.js, script.world])).toEqual([
      ['rebound-detector', ['content.js'], undefined],
      ['rebound-webrtc-hook', ['webrtc-hook.js'], 'MAIN'],
    ]);
    for (const script of scripts) {
      expect(script).toMatchObject({
        matches: ['https://app.hubspot.com/*', 'https://dialpad.com/*'],
        allFrames: true,
        matchOriginAsFallback: true,
        runAt: 'document_start',
      });
    }
  });
});
