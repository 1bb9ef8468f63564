import { describe, expect, it, vi } from 'vitest';
import { createWidgetOfferFlow } from '../../../src/background/widget-offer-flow';

const RINGCENTRAL_FRAME = 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';

function flow(granted: string[] = []) {
  const offers = new Set<string>();
  const deps = {
    hasAccess: vi.fn(async (origins: string[]) => origins.every((origin) => granted.includes(origin))),
    makeOffer: vi.fn(async (family: string, origin: string) => {
      const key = `${family} ${origin}`;
      if (offers.has(key)) return false;
      offers.add(key);
      return true;
    }),
    now: () => 1000,
  };
  return { onWidgetFrame: createWidgetOfferFlow(deps), deps };
}

describe('a widget frame reporting the page it lives in', () => {
  it('offers the page once when it is not allowed', async () => {
    const { onWidgetFrame, deps } = flow();
    expect(await onWidgetFrame('ringcentral', 'https://crm.acme.test', RINGCENTRAL_FRAME)).toBe('offered');
    expect(deps.hasAccess).toHaveBeenCalledWith(['https://crm.acme.test/*']);
    expect(deps.makeOffer).toHaveBeenCalledWith('ringcentral', 'https://crm.acme.test', 1000);
    expect(await onWidgetFrame('ringcentral', 'https://crm.acme.test', RINGCENTRAL_FRAME)).toBe('already-offered');
  });

  it('offers nothing when the page is allowed already', async () => {
    const { onWidgetFrame, deps } = flow(['https://crm.acme.test/*']);
    expect(await onWidgetFrame('ringcentral', 'https://crm.acme.test', RINGCENTRAL_FRAME)).toBe('allowed');
    expect(deps.makeOffer).not.toHaveBeenCalled();
  });

  it.each([
    ['a frame that is not that widget', 'ringcentral', 'https://crm.acme.test', 'https://evil.test/widget'],
    ['a family the frame is not', 'aircall', 'https://crm.acme.test', RINGCENTRAL_FRAME],
    ['a family that is no widget', 'google-voice', 'https://crm.acme.test', 'https://voice.google.com/u/0/calls'],
    ['a public suffix as the page', 'ringcentral', 'https://co.uk', RINGCENTRAL_FRAME],
    ['a page a known family covers', 'ringcentral', 'https://acme.zendesk.com', RINGCENTRAL_FRAME],
    ['the widget itself as the page', 'ringcentral', 'https://apps.ringcentral.com', RINGCENTRAL_FRAME],
  ])('believes nothing from %s', async (_name, family, pageOrigin, frameUrl) => {
    const { onWidgetFrame, deps } = flow();
    expect(await onWidgetFrame(family, pageOrigin, frameUrl)).toBe('refused');
    expect(deps.makeOffer).not.toHaveBeenCalled();
  });
});
