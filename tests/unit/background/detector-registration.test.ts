import { describe, expect, it } from 'vitest';
import { detectorScriptsFor, syncDetectorRegistration } from '../../../src/background/detector-registration';
import fake from '../fakes/fake-browser';

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

describe('keeping the registration in step with what is granted', () => {
  it('registers both scripts when a dialer is turned on and removes them when the last one is turned off', async () => {
    await syncDetectorRegistration();
    expect([...fake.scripting.registered.keys()]).toEqual([]);

    await fake.permissions.request({ origins: ['https://voice.google.com/*'] });
    await syncDetectorRegistration();
    expect([...fake.scripting.registered.keys()].sort()).toEqual(['rebound-detector', 'rebound-webrtc-hook']);

    await fake.permissions.request({ origins: ['https://dialpad.com/*'] });
    await syncDetectorRegistration();
    expect(fake.scripting.registered.get('rebound-webrtc-hook')?.matches).toEqual([
      'https://dialpad.com/*',
      'https://voice.google.com/*',
    ]);

    await fake.permissions.remove({ origins: ['https://voice.google.com/*', 'https://dialpad.com/*'] });
    await syncDetectorRegistration();
    expect([...fake.scripting.registered.keys()]).toEqual([]);
  });
});
