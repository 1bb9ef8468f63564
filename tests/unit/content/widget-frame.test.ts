import { describe, expect, it, vi } from 'vitest';
import { reportWidgetPage } from '../../../src/content/widget-frame';

const WIDGET_URL = 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html';

/** Just what the reporter reads of a frame. */
function frame({
  url = WIDGET_URL,
  ancestorOrigins,
  referrer = '',
  top = false,
}: {
  url?: string;
  ancestorOrigins?: string[];
  referrer?: string;
  top?: boolean;
} = {}): Window {
  const self = {
    location: { href: url, origin: new URL(url).origin, ancestorOrigins },
    document: { referrer },
  } as unknown as Window & { top: Window };
  self.top = top ? self : ({} as Window);
  return self;
}

describe('reportWidgetPage', () => {
  it('reports the top page from ancestorOrigins (Chromium): the last one is the top', () => {
    const send = vi.fn(async () => undefined);
    reportWidgetPage(frame({ ancestorOrigins: ['https://crm-frame.acme.test', 'https://crm.acme.test'] }), send);
    expect(send).toHaveBeenCalledWith({
      type: 'widget-frame',
      family: 'ringcentral',
      pageOrigin: 'https://crm.acme.test',
    });
  });

  it('falls back on the referrer where ancestorOrigins is missing (Firefox)', () => {
    const send = vi.fn(async () => undefined);
    reportWidgetPage(frame({ referrer: 'https://crm.acme.test/deals/7' }), send);
    expect(send).toHaveBeenCalledWith({
      type: 'widget-frame',
      family: 'ringcentral',
      pageOrigin: 'https://crm.acme.test',
    });
  });

  it.each([
    ['a top frame', frame({ top: true, referrer: 'https://crm.acme.test/' })],
    ['a frame that is no widget', frame({ url: 'https://crm.acme.test/frame', referrer: 'https://crm.acme.test/' })],
    ['a widget in its own tab', frame({ ancestorOrigins: ['https://apps.ringcentral.com'] })],
    ['a widget whose page is unknown', frame()],
  ])('says nothing from %s', (_name, subject) => {
    const send = vi.fn(async () => undefined);
    reportWidgetPage(subject, send);
    expect(send).not.toHaveBeenCalled();
  });
});
