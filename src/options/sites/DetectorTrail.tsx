import { useEffect, useState } from 'preact/hooks';
import { detectorReport, detectorReportFilename } from '../../calls/detector-report';
import { type DetectorTrails, type TrailEntry, trailSites, trailsFor } from '../../calls/detector-trail';
import { dialerLabel } from '../../dialers/dialer-label';
import { formatTimeToTheSecond } from '../../format/date-time';
import { formatCount } from '../../format/figures';
import { type MessageKey, t } from '../../platform/i18n';

const SIGNAL_LABELS: Record<string, MessageKey> = {
  started: 'trailSignalStarted',
  answered: 'trailSignalAnswered',
  ended: 'trailSignalEnded',
};

/** Reasons a rep may meet, in words; the rest (a page probing Rebound) show as the report names them. */
const DROP_LABELS: Record<string, MessageKey> = {
  'frame-signal-limit': 'trailDropFrameLimit',
  'unrecognised-message': 'trailDropUnrecognised',
  'call-signal over the rate limit': 'trailDropTabLimit',
  malformed: 'trailDropMalformed',
};

export interface DetectorTrailProps {
  readTrails(): Promise<DetectorTrails | undefined>;
  /** Calls `onChange` when the trails change; returns the unsubscribe. */
  watchTrails(onChange: () => void): () => void;
  download(blob: Blob, filename: string): void;
  /** Rebound's version, written into the report. */
  version: string;
  now(): number;
}

/** Options → Sites: what the detector saw on a site in the last 15 minutes, and "Save a report". */
export function DetectorTrail({ readTrails, watchTrails, download, version, now }: DetectorTrailProps) {
  const [trails, setTrails] = useState<DetectorTrails | undefined>(undefined);
  const [site, setSite] = useState('');

  useEffect(() => {
    const load = () =>
      void readTrails().then(
        (read) => setTrails(read ?? {}),
        () => setTrails({}),
      );
    load();
    return watchTrails(load);
  }, [readTrails, watchTrails]);

  const sites = trailSites(trails, now());
  const shown = sites.includes(site) ? site : (sites[0] ?? '');
  const tabs = trailsFor(trails, shown, now());

  const save = () => {
    const report = detectorReport(shown, tabs, version, now());
    const blob = new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' });
    download(blob, detectorReportFilename(shown, now()));
  };

  return (
    <section class="detector-trail" aria-labelledby="trail-heading">
      <h2 id="trail-heading">{t('trailHeading')}</h2>
      <p class="hint">{t('trailIntro')}</p>
      {trails !== undefined && sites.length === 0 && <p data-testid="trail-empty">{t('trailEmpty')}</p>}
      {sites.length > 0 && (
        <>
          <div class="trail-controls">
            <label for="trail-site">{t('trailSite')}</label>
            <select id="trail-site" value={shown} onChange={(event) => setSite(event.currentTarget.value)}>
              {sites.map((host) => (
                <option key={host} value={host}>
                  {host}
                </option>
              ))}
            </select>
            <button type="button" class="secondary" onClick={save}>
              {t('trailSaveReport')}
            </button>
          </div>
          {tabs.map((trail, index) => (
            <div key={`${trail.tabId}@${trail.host}`} class="trail-tab">
              {tabs.length > 1 && <h3>{t('trailTab', formatCount(index + 1))}</h3>}
              <ol class="trail" aria-label={t('trailListLabel', shown)} data-testid="trail">
                {trail.entries.map((entry, at) => (
                  <li key={at}>
                    <time dateTime={new Date(entry.at).toISOString()}>{formatTimeToTheSecond(entry.at)}</time>{' '}
                    <span class="trail-frame">{frameText(entry.frameId)}</span> {entryText(entry)}
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function frameText(frameId: number | undefined): string {
  if (frameId === undefined) return '';
  return frameId === 0 ? t('trailTopFrame') : t('trailFrame', formatCount(frameId));
}

function entryText(entry: TrailEntry): string {
  switch (entry.kind) {
    case 'adapters':
      return entry.adapters.length === 0
        ? t('trailNoAdapters')
        : t('trailAdapters', entry.adapters.map(dialerLabel).join(', '));
    case 'signal':
      return t('trailSignal', [dialerLabel(entry.source), t(SIGNAL_LABELS[entry.signal] ?? 'trailSignalEnded')]);
    case 'dropped': {
      const key = DROP_LABELS[entry.reason];
      return t('trailDropped', [key ? t(key) : entry.reason, formatCount(entry.count)]);
    }
  }
}
