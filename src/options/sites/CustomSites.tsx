import { useState } from 'preact/hooks';
import type { ReboundDb } from '../../db/schema';
import { DIALERS } from '../../dialers/catalog';
import { type CustomSite, isValidSelector, MAX_CUSTOM_SITES, originPattern } from '../../dialers/custom-sites';
import { checkSiteInput } from '../../dialers/site-input';
import { formatCount } from '../../format/figures';
import { hostAccess } from '../../platform/host-access';
import { t } from '../../platform/i18n';
import { useSettings } from '../use-settings';
import { CallSeen } from './CallSeen';
import { OpenLineField } from './OpenLineField';
import { siteProblemText } from './site-problem-text';

type Draft = { site: string; detect: CustomSite['detect']; inCall: string; hangUp: string };
const EMPTY: Draft = { site: '', detect: 'webrtc', inCall: '', hangUp: '' };

/** What is wrong with a draft, or the site it describes. */
export function siteFromDraft(draft: Draft, doc: Document): { site?: CustomSite; error?: string } {
  const checked = checkSiteInput(draft.site);
  if (!('origin' in checked)) return { error: siteProblemText(checked, draft.site.trim()) };
  const { origin } = checked;
  if (draft.detect === 'webrtc') return { site: { origin, detect: 'webrtc' } };
  const inCall = draft.inCall.trim();
  const hangUp = draft.hangUp.trim();
  if (!inCall && !hangUp) return { error: t('sitesNeedSelector') };
  for (const selector of [inCall, hangUp]) {
    if (selector && !isValidSelector(selector, doc)) return { error: t('sitesBadSelector', selector) };
  }
  return {
    site: { origin, detect: 'elements', inCallSelector: inCall || undefined, hangUpSelector: hangUp || undefined },
  };
}

const KNOWN_HOSTS = new Set(DIALERS.flatMap((dialer) => dialer.hosts));

/**
 * The rep's own sites: an origin, and how a call shows there (its WebRTC audio, or page elements
 * named by CSS selectors). Adding one asks for that site; each shows whether a call was seen.
 */
export function CustomSites({ db }: { db: ReboundDb }) {
  const { settings, policy, status: loadStatus, update } = useSettings();
  const sites = settings?.customSites ?? null;
  /** Origins of the sites the organization added: shown, not removable. */
  const theirs = new Set(policy.customSites.map((site) => site.origin));
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const store = async (next: CustomSite[]): Promise<void> => {
    if (!(await update({ customSites: next }))) throw new Error('settings not saved');
  };

  const add = (event: Event) => {
    event.preventDefault();
    const { site, error: problem } = siteFromDraft(draft, document);
    if (!site) {
      setError(problem ?? '');
      return;
    }
    if ((sites?.length ?? 0) >= MAX_CUSTOM_SITES) {
      setError(t('sitesTooMany', formatCount(MAX_CUSTOM_SITES)));
      return;
    }
    setError('');
    // Asked first, inside the submit: browsers only show the prompt during a user gesture.
    hostAccess
      .request([originPattern(site.origin)])
      .then(async (granted) => {
        if (!granted) {
          setError(t('sitesNotGranted', site.origin));
          return;
        }
        await store([...(sites ?? []).filter((known) => known.origin !== site.origin), site]);
        setDraft(EMPTY);
        setStatus(t('sitesAdded', site.origin));
      })
      .catch(() => setError(t('sitesChangeFailed', site.origin)));
  };

  const remove = (site: CustomSite) => {
    const pattern = originPattern(site.origin);
    const stillNeeded =
      KNOWN_HOSTS.has(pattern) || (sites ?? []).some((s) => s !== site && originPattern(s.origin) === pattern);
    // Access the browser granted at install (or that a known dialer uses) cannot or must not go.
    const giveBack = stillNeeded ? Promise.resolve(true) : hostAccess.remove([pattern]).catch(() => false);
    giveBack
      .then(() => store((sites ?? []).filter((s) => s !== site)))
      .then(
        () => setStatus(t('sitesRemoved', site.origin)),
        () => setError(t('sitesChangeFailed', site.origin)),
      );
  };

  return (
    <div class="custom-sites">
      {sites && sites.length > 0 && (
        <ul class="dialers">
          {sites.map((site) => (
            <li key={site.origin} class="dialer">
              <p class="dialer-name">{site.origin}</p>
              <p class="hint">
                {site.detect === 'webrtc'
                  ? t('sitesDetectWebrtc')
                  : [site.inCallSelector, site.hangUpSelector].filter(Boolean).join(' · ')}
              </p>
              <CallSeen db={db} host={new URL(site.origin).host} />
              {site.detect === 'webrtc' && <OpenLineField site={site.origin} />}
              {theirs.has(site.origin) ? (
                <p class="hint set-by-organization">{t('optionsSetByOrganization')}</p>
              ) : (
                <button type="button" class="secondary" onClick={() => remove(site)}>
                  {t('sitesRemove', site.origin)}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form class="settings" onSubmit={add} aria-labelledby="add-site-heading">
        <h3 id="add-site-heading">{t('sitesAddHeading')}</h3>
        <label class="field">
          <span>{t('sitesOrigin')}</span>
          <input
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="crm.example.com"
            value={draft.site}
            aria-invalid={error !== ''}
            aria-describedby="site-error"
            onInput={(event) => setDraft({ ...draft, site: event.currentTarget.value })}
          />
        </label>
        <fieldset class="field">
          <legend>{t('sitesDetectLegend')}</legend>
          <label class="check">
            <input
              type="radio"
              name="detect"
              checked={draft.detect === 'webrtc'}
              onChange={() => setDraft({ ...draft, detect: 'webrtc' })}
            />
            {t('sitesDetectWebrtc')}
          </label>
          <label class="check">
            <input
              type="radio"
              name="detect"
              checked={draft.detect === 'elements'}
              onChange={() => setDraft({ ...draft, detect: 'elements' })}
            />
            {t('sitesDetectElements')}
          </label>
        </fieldset>
        {draft.detect === 'elements' && (
          <>
            <label class="field">
              <span>{t('sitesInCallSelector')}</span>
              <input
                type="text"
                spellcheck={false}
                placeholder=".call-timer"
                value={draft.inCall}
                onInput={(event) => setDraft({ ...draft, inCall: event.currentTarget.value })}
              />
            </label>
            <label class="field">
              <span>{t('sitesHangUpSelector')}</span>
              <input
                type="text"
                spellcheck={false}
                placeholder="button.hang-up"
                value={draft.hangUp}
                onInput={(event) => setDraft({ ...draft, hangUp: event.currentTarget.value })}
              />
            </label>
          </>
        )}
        <p id="site-error" class="error" role="alert">
          {error}
        </p>
        <button type="submit" class="primary">
          {t('sitesAdd')}
        </button>
        <p class="hint">{t('sitesReloadHint')}</p>
        <p class="status" role="status">
          {status || loadStatus}
        </p>
      </form>
    </div>
  );
}
