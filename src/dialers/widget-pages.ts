import * as v from 'valibot';

/**
 * A page the rep allowed because a dialer widget lives inside it (RingCentral inside their CRM):
 * the widget posts its call events to that page, so the detector must run there too.
 */
export const MAX_WIDGET_PAGES = 50;

export const widgetPageSchema = v.object({
  family: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,39}$/)),
  origin: v.pipe(v.string(), v.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/)),
});
export type WidgetPage = v.InferOutput<typeof widgetPageSchema>;

export const widgetPagesSchema = v.pipe(v.array(widgetPageSchema), v.maxLength(MAX_WIDGET_PAGES));

/** The list with this page added once (the newest last), oldest dropped past the maximum. */
export function withWidgetPage(pages: readonly WidgetPage[], page: WidgetPage): WidgetPage[] {
  const others = pages.filter((known) => known.family !== page.family || known.origin !== page.origin);
  return [...others, page].slice(-MAX_WIDGET_PAGES);
}
