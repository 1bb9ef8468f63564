import { useMemo } from 'preact/hooks';
import { openReboundDb } from '../../db/schema';
import { t } from '../../platform/i18n';
import { CustomSites } from './CustomSites';
import { DialerList } from './DialerList';
import { WidgetOffers } from './WidgetOffers';

/** Options → Sites: which dialers Rebound listens to, and the rep's own sites. */
export function SitesSection() {
  const db = useMemo(() => openReboundDb(), []);
  return (
    <div class="sites">
      <p>{t('sitesIntro')}</p>
      <WidgetOffers />
      <h2>{t('sitesDialersHeading')}</h2>
      <DialerList />
      <h2>{t('sitesCustomHeading')}</h2>
      <CustomSites db={db} />
    </div>
  );
}
