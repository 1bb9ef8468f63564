import { useMemo } from 'preact/hooks';
import { DETECTOR_TRAILS_KEY, detectorTrailsSlot } from '../../calls/detector-trail';
import { openReboundDb } from '../../db/schema';
import { browser } from '../../platform/browser';
import { t } from '../../platform/i18n';
import { watchSessionKey } from '../../platform/session-store';
import { downloadBlob } from '../sections/your-data/download';
import { ConversationSignalsSwitch } from './ConversationSignalsSwitch';
import { CustomSites } from './CustomSites';
import { DetectorTrail } from './DetectorTrail';
import { DialerList } from './DialerList';
import { WidgetOffers } from './WidgetOffers';

const trails = detectorTrailsSlot();
const watchTrails = (onChange: () => void) => watchSessionKey(DETECTOR_TRAILS_KEY, onChange);

/** Options → Sites: which dialers Rebound listens to, and the rep's own sites. */
export function SitesSection() {
  const db = useMemo(() => openReboundDb(), []);
  return (
    <div class="sites">
      <p>{t('sitesIntro')}</p>
      <WidgetOffers />
      <h2>{t('sitesDialersHeading')}</h2>
      <ConversationSignalsSwitch />
      <DialerList lineSettings />
      <h2>{t('sitesCustomHeading')}</h2>
      <CustomSites db={db} />
      <DetectorTrail
        readTrails={trails.read}
        watchTrails={watchTrails}
        download={downloadBlob}
        version={browser.runtime.getManifest().version}
        now={Date.now}
      />
    </div>
  );
}
