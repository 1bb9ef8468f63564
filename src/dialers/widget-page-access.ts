import { hostAccess } from '../platform/host-access';
import { loadSettings, saveSettings } from '../settings/settings-store';
import { originPattern } from './custom-sites';
import { answerWidgetOffer } from './widget-offers';
import { withWidgetPage } from './widget-pages';

/**
 * Lets a widget's call events be heard in the page it lives in: asks the browser for that page
 * (call this first thing in a click handler: the prompt needs the user's gesture), then keeps it
 * in the settings and closes any offer about it. False when the rep declined.
 */
export async function allowWidgetPage(family: string, origin: string): Promise<boolean> {
  const granted = await hostAccess.request([originPattern(origin)]);
  if (!granted) return false;
  const settings = await loadSettings();
  await saveSettings({ ...settings, widgetPages: withWidgetPage(settings.widgetPages, { family, origin }) });
  await answerWidgetOffer(family, origin, 'allowed');
  return true;
}

/** Gives the page back, unless one of the rep's own sites or another widget still needs it. */
export async function removeWidgetPage(family: string, origin: string): Promise<void> {
  const settings = await loadSettings();
  const widgetPages = settings.widgetPages.filter((page) => page.family !== family || page.origin !== origin);
  const pattern = originPattern(origin);
  const stillNeeded =
    settings.customSites.some((site) => originPattern(site.origin) === pattern) ||
    widgetPages.some((page) => originPattern(page.origin) === pattern);
  if (!stillNeeded) await hostAccess.remove([pattern]).catch(() => false);
  await saveSettings({ ...settings, widgetPages });
}
