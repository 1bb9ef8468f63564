import { describe, expect, it } from 'vitest';
import { matchesPattern } from '../../../src/dialers/page-patterns';

describe('match patterns', () => {
  it('matches scheme, host and path like the browser, ignoring the port', () => {
    expect(matchesPattern('https://voice.google.com/*', 'https://voice.google.com/u/0/calls')).toBe(true);
    expect(matchesPattern('https://voice.google.com/*', 'http://voice.google.com/')).toBe(false);
    expect(matchesPattern('https://voice.google.com/*', 'https://evil.com/voice.google.com/')).toBe(false);
    expect(matchesPattern('https://voice.google.com/*', 'https://voice.google.com.evil.com/')).toBe(false);
    expect(matchesPattern('http://127.0.0.1/outreach/*', 'http://127.0.0.1:41234/outreach/dialer.html')).toBe(true);
    expect(matchesPattern('http://127.0.0.1/outreach/*', 'http://127.0.0.1:41234/salesloft/index.html')).toBe(false);
  });

  it('takes a leading *. as any subdomain or none', () => {
    expect(matchesPattern('https://*.outreach.io/*', 'https://web.outreach.io/dialer')).toBe(true);
    expect(matchesPattern('https://*.outreach.io/*', 'https://outreach.io/')).toBe(true);
    expect(matchesPattern('https://*.outreach.io/*', 'https://notoutreach.io/')).toBe(false);
  });

  it('refuses what is not a pattern or not a URL', () => {
    expect(matchesPattern('voice.google.com', 'https://voice.google.com/')).toBe(false);
    expect(matchesPattern('https://voice.google.com/*', 'not a url')).toBe(false);
    expect(matchesPattern('https://voice.google.com/*', 'about:blank')).toBe(false);
  });
});
