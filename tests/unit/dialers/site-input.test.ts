import { describe, expect, it } from 'vitest';
import { checkSiteInput } from '../../../src/dialers/site-input';

describe('checkSiteInput', () => {
  it.each([
    ['*://*/*', 'too-broad'],
    ['https://*.acme.test', 'too-broad'],
    ['<all_urls>', 'too-broad'],
    ['co.uk', 'public-suffix'],
    ['https://github.io', 'public-suffix'],
    ['herokuapp.com', 'public-suffix'],
    ['com', 'not-a-site'],
    ['not a site', 'not-a-site'],
  ])('refuses %s (%s)', (typed, problem) => {
    expect(checkSiteInput(typed)).toEqual({ problem });
  });

  it('refuses a site a known family covers, naming the family', () => {
    const check = checkSiteInput('https://acme.zendesk.com/agent');
    expect(check).toMatchObject({ problem: 'known-family', family: { id: 'zendesk-talk' } });
    expect(checkSiteInput('meet.google.com')).toMatchObject({ family: { id: 'google-meet' } });
  });

  it('takes one site of the rep’s own', () => {
    expect(checkSiteInput(' crm.acme.test/deals ')).toEqual({ origin: 'https://crm.acme.test' });
    expect(checkSiteInput('http://localhost:8080')).toEqual({ origin: 'http://localhost:8080' });
  });
});
