import { useEffect, useState } from 'preact/hooks';
import { DIALER_GROUPS, DIALERS, type DialerFamily, type DialerGroup } from '../../dialers/catalog';
import { dialerLabel } from '../../dialers/dialer-label';
import { hostAccess } from '../../platform/host-access';
import { type MessageKey, t } from '../../platform/i18n';
import { loadSettingsWithPolicy } from '../../settings/settings-store';
import { OpenLineField } from './OpenLineField';
import { WidgetPages } from './WidgetPages';

const HOW: Record<DialerFamily['how'], MessageKey> = {
  messages: 'sitesHowMessages',
  page: 'sitesHowPage',
  audio: 'sitesHowAudio',
};

const GROUP_HEADINGS: Record<DialerGroup, MessageKey> = {
  'sales-dialers': 'sitesGroupSalesDialers',
  'contact-centres': 'sitesGroupContactCentres',
  'crm-calling': 'sitesGroupCrmCalling',
  meetings: 'sitesGroupMeetings',
};

/** The known dialers with hosts to ask for. */
export const KNOWN_DIALERS = DIALERS.filter((dialer) => dialer.hosts.length > 0);

const shownHosts = (dialer: DialerFamily) =>
  dialer.hosts.map((host) => host.replace(/^https:\/\/|\/\*$/g, '')).join(', ');

/**
 * One switch per known dialer, grouped. Turning one on asks the browser for its hosts (the
 * background then registers the detector there and brings it to tabs already open); turning it
 * off gives them back (and the detector goes). A widget that is on also asks which CRM it lives in.
 * With `lineSettings` (Options → Sites), each turned-on dialer also says whether its line stays open.
 */
export function DialerList({
  headingLevel = 3,
  lineSettings = false,
}: {
  headingLevel?: 2 | 3;
  lineSettings?: boolean;
}) {
  const [on, setOn] = useState<Record<string, boolean> | null>(null);
  const [byOrganization, setByOrganization] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    loadSettingsWithPolicy().then(
      ({ policy }) => setByOrganization(policy.dialers),
      () => setByOrganization([]),
    );
  }, []);

  useEffect(() => {
    const refresh = () => {
      Promise.all(KNOWN_DIALERS.map((dialer) => hostAccess.has([...dialer.hosts]))).then(
        (states) => setOn(Object.fromEntries(KNOWN_DIALERS.map((dialer, i) => [dialer.id, states[i] === true]))),
        () => setStatus(t('sitesLoadFailed')),
      );
    };
    refresh();
    return hostAccess.onChange(refresh);
  }, []);

  const toggle = (dialer: DialerFamily, want: boolean) => {
    // Asked first, inside the click: browsers only show the prompt during a user gesture.
    const asked = want ? hostAccess.request([...dialer.hosts]) : hostAccess.remove([...dialer.hosts]);
    const label = dialerLabel(dialer.id);
    asked.then(
      (done) => {
        const nowOn = want === done;
        setOn((previous) => ({ ...previous, [dialer.id]: nowOn }));
        if (want) setStatus(t(done ? 'sitesTurnedOn' : 'sitesNotGranted', label));
        else setStatus(t(done ? 'sitesTurnedOff' : 'sitesNotRemoved', label));
      },
      () => setStatus(t('sitesChangeFailed', label)),
    );
  };

  return (
    <div class="dialer-list">
      {DIALER_GROUPS.map((group) => (
        <section key={group} class="dialer-group" aria-labelledby={`group-${group}`}>
          <Heading id={`group-${group}`}>{t(GROUP_HEADINGS[group])}</Heading>
          {group === 'meetings' && <p class="hint">{t('sitesMeetingsHint')}</p>}
          <ul class="dialers" aria-busy={on === null}>
            {KNOWN_DIALERS.filter((dialer) => dialer.group === group).map((dialer) => {
              const theirs = byOrganization.includes(dialer.id);
              const isOn = on?.[dialer.id] === true;
              return (
                <li key={dialer.id} class="dialer">
                  <label class="check">
                    <input
                      type="checkbox"
                      role="switch"
                      checked={isOn}
                      aria-checked={isOn}
                      // One the organization turned on can be allowed here, not turned off.
                      disabled={on === null || (theirs && isOn)}
                      aria-describedby={theirs ? `how-${dialer.id} org-${dialer.id}` : `how-${dialer.id}`}
                      onChange={(event) => toggle(dialer, event.currentTarget.checked)}
                    />
                    <span class="dialer-name">{dialerLabel(dialer.id)}</span>
                  </label>
                  <p id={`how-${dialer.id}`} class="hint">
                    {t(HOW[dialer.how])} · {shownHosts(dialer)}
                  </p>
                  {theirs && (
                    <p id={`org-${dialer.id}`} class="hint set-by-organization">
                      {t('sitesTurnedOnByOrganization')}
                    </p>
                  )}
                  {lineSettings && isOn && <OpenLineField site={dialer.id} />}
                  {dialer.widget && isOn && <WidgetPages family={dialer} />}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <p class="status" role="status">
        {status}
      </p>
    </div>
  );
}
