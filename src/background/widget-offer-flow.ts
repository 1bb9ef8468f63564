import { widgetFamilyAt } from '../dialers/catalog';
import { originPattern } from '../dialers/custom-sites';
import { checkSiteInput } from '../dialers/site-input';

export interface WidgetOfferDeps {
  hasAccess(origins: string[]): Promise<boolean>;
  /** Makes the offer unless this widget and page had one; true when it is new. */
  makeOffer(family: string, origin: string, at: number): Promise<boolean>;
  now(): number;
}

export type WidgetFrameOutcome = 'offered' | 'already-offered' | 'allowed' | 'refused';

/**
 * A widget frame said which page it lives in. Believed only from a frame that is that widget
 * (its URL, which the browser reports, not the message), about a page that is one site of the
 * rep's own; then offered once, unless the page is allowed already.
 */
export function createWidgetOfferFlow(deps: WidgetOfferDeps) {
  return async (family: string, pageOrigin: string, frameUrl: string): Promise<WidgetFrameOutcome> => {
    if (widgetFamilyAt(frameUrl)?.id !== family) return 'refused';
    const checked = checkSiteInput(pageOrigin);
    if (!('origin' in checked) || checked.origin !== pageOrigin) return 'refused';
    if (new URL(frameUrl).origin === pageOrigin) return 'refused';
    if (await deps.hasAccess([originPattern(pageOrigin)])) return 'allowed';
    return (await deps.makeOffer(family, pageOrigin, deps.now())) ? 'offered' : 'already-offered';
  };
}
