import { describe, expect, it } from 'vitest';
import {
  DETECTOR_SCRIPT_ID,
  detectorScriptsFor,
  syncDetectorRegistration,
  WEBRTC_HOOK_SCRIPT_ID,
} from '../../src/background/detector-registration';
import fake from './fakes/fake-browser';

/** The detector's registration among the scripts for these grants. */
const detectorScriptFor = (origins: string[]) =>
  detectorScriptsFor(origins).find((script) => script.id === DETECTOR_SCRIPT_ID) ?? null;

describe('detectorScriptFor', () => {
  it.each([
    ['nothing granted', []],
    ['only <all_urls>', ['<all_urls>']],
    ['only every-host patterns', ['*://*/*', '*://*/api/*']],
    ['<all_urls> and every-host patterns', ['<all_urls>', '*://*/*']],
  ])('is null with %s', (_label, origins) => {
    expect(detectorScriptFor(origins)).toBeNull();
    expect(detectorScriptsFor(origins)).toEqual([]);
  });

  it('registers content.js in all frames at document_start for the granted origins', () => {
    expect(detectorScriptFor(['https://app.hubspot.com/*'])).toEqual({
      id: DETECTOR_SCRIPT_ID,
      matches: ['https://app.hubspot.com/*'],
      js: ['content.js'],
      allFrames: true,
      matchOriginAsFallback: true,
      runAt: 'document_start',
      persistAcrossSessions: true,
    });
    expect(DETECTOR_SCRIPT_ID).toBe('rebound-detector');
    expect(detectorScriptsFor(['https://app.hubspot.com/*']).map((script) => script.id)).toEqual([
      DETECTOR_SCRIPT_ID,
      WEBRTC_HOOK_SCRIPT_ID,
    ]);
  });

  it('never uses <all_urls> or an every-host pattern, keeping the specific origins', () => {
    const script = detectorScriptFor(['<all_urls>', 'https://app.hubspot.com/*', '*://*/*', 'http://localhost/*']);
    expect(script?.matches).toEqual(['http://localhost/*', 'https://app.hubspot.com/*']);
    expect(script?.matches).not.toContain('<all_urls>');
  });

  it('sorts the matches, so the same grants always give the same registration', () => {
    const a = detectorScriptFor(['https://b.example/*', 'http://localhost/*', 'https://a.example/*']);
    const b = detectorScriptFor(['https://a.example/*', 'https://b.example/*', 'http://localhost/*']);
    expect(a?.matches).toEqual(['http://localhost/*', 'https://a.example/*', 'https://b.example/*']);
    expect(a).toEqual(b);
  });

  it('does not reorder the array it is given', () => {
    const origins = ['https://b.example/*', 'https://a.example/*'];
    detectorScriptFor(origins);
    expect(origins).toEqual(['https://b.example/*', 'https://a.example/*']);
  });

  it('runs the detector and the MAIN-world WebRTC hook and message prefilter in every frame of the granted hosts, about:blank ones too', () => {
    const scripts = detectorScriptsFor(['https://dialpad.com/*', 'https://app.hubspot.com/*']);
    expect(scripts.map((script) => [script.id, script.js, script.world])).toEqual([
      ['rebound-detector', ['content.js'], undefined],
      ['rebound-webrtc-hook', ['webrtc-hook.js', 'message-prefilter.js'], 'MAIN'],
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
