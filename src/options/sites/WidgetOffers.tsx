import { useEffect, useState } from 'preact/hooks';
import { dialerLabel } from '../../dialers/dialer-label';
import { answerWidgetOffer, openWidgetOffers, type WidgetOffer, watchWidgetOffers } from '../../dialers/widget-offers';
import { allowWidgetPage } from '../../dialers/widget-page-access';
import { t } from '../../platform/i18n';

const hostOf = (origin: string) => new URL(origin).host;

/**
 * The offers the background made when a widget dialer reported a page Rebound may not read:
 * one click asks the browser for that page (the prompt is the browser's own), or "not now" for good.
 */
export function WidgetOffers() {
  const [offers, setOffers] = useState<WidgetOffer[]>([]);
  const [status, setStatus] = useState('');

  const refresh = () => void openWidgetOffers().then(setOffers, () => setOffers([]));
  useEffect(() => {
    refresh();
    return watchWidgetOffers(refresh);
  }, []);

  const labelOf = (offer: WidgetOffer) => dialerLabel(offer.family);

  const allow = (offer: WidgetOffer) => {
    const label = labelOf(offer);
    allowWidgetPage(offer.family, offer.origin).then(
      (granted) => {
        refresh();
        setStatus(
          granted ? t('widgetPageAllowed', [label, hostOf(offer.origin)]) : t('sitesNotGranted', hostOf(offer.origin)),
        );
      },
      () => setStatus(t('sitesChangeFailed', hostOf(offer.origin))),
    );
  };

  const dismiss = (offer: WidgetOffer) =>
    void answerWidgetOffer(offer.family, offer.origin, 'dismissed').then(refresh, () =>
      setStatus(t('sitesChangeFailed', hostOf(offer.origin))),
    );

  if (offers.length === 0 && !status) return null;
  return (
    <section class="widget-offers" aria-label={t('widgetOffersHeading')}>
      {offers.map((offer) => (
        <div key={`${offer.family} ${offer.origin}`} class="widget-offer">
          <p>{t('widgetOfferText', [labelOf(offer), hostOf(offer.origin)])}</p>
          <button type="button" class="primary" onClick={() => allow(offer)}>
            {t('widgetOfferAllow')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => dismiss(offer)}>
            {t('widgetOfferNotNow')}
          </button>
        </div>
      ))}
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
