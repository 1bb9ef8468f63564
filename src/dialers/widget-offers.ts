import * as v from 'valibot';
import { browser } from '../platform/browser';
import { widgetPageSchema } from './widget-pages';

/**
 * "RingCentral is inside crm.acme.com: let Rebound hear its call events there": made once per
 * widget and site by the background when the widget's frame reports a page that is not allowed,
 * answered in the popup or Options → Sites. Kept in storage.local, so an answered offer (allowed
 * or "not now") is never made again.
 */
const KEY = 'widgetOffers';
const MAX_OFFERS = 50;

const offerSchema = v.object({
  ...widgetPageSchema.entries,
  state: v.picklist(['open', 'allowed', 'dismissed']),
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type WidgetOffer = v.InferOutput<typeof offerSchema>;

async function readAll(): Promise<WidgetOffer[]> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = v.safeParse(v.array(offerSchema), stored);
  return parsed.success ? parsed.output : [];
}

const same = (a: { family: string; origin: string }, b: { family: string; origin: string }) =>
  a.family === b.family && a.origin === b.origin;

/** The offers still waiting for an answer, newest first. */
export async function openWidgetOffers(): Promise<WidgetOffer[]> {
  return (await readAll()).filter((offer) => offer.state === 'open').sort((a, b) => b.at - a.at);
}

/** Makes the offer unless this widget and site already had one; true when it is new. */
export async function makeWidgetOffer(family: string, origin: string, at: number): Promise<boolean> {
  const offers = await readAll();
  if (offers.some((offer) => same(offer, { family, origin }))) return false;
  const next = [...offers, { family, origin, state: 'open' as const, at }].slice(-MAX_OFFERS);
  await browser.storage.local.set({ [KEY]: next });
  return true;
}

export async function answerWidgetOffer(family: string, origin: string, state: 'allowed' | 'dismissed') {
  const offers = await readAll();
  await browser.storage.local.set({
    [KEY]: offers.map((offer) => (same(offer, { family, origin }) ? { ...offer, state } : offer)),
  });
}

/** Calls `listener` whenever the offers change; returns the unsubscribe. */
export function watchWidgetOffers(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
