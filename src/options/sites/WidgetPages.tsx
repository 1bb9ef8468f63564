import { useEffect, useState } from 'preact/hooks';
import type { DialerFamily } from '../../dialers/catalog';
import { dialerLabel } from '../../dialers/dialer-label';
import { checkSiteInput } from '../../dialers/site-input';
import { allowWidgetPage, removeWidgetPage } from '../../dialers/widget-page-access';
import type { WidgetPage } from '../../dialers/widget-pages';
import { t } from '../../platform/i18n';
import { loadSettings } from '../../settings/settings-store';
import { siteProblemText } from './site-problem-text';

const hostOf = (origin: string) => new URL(origin).host;

/**
 * Where a widget dialer lives: in its own tab (its hosts, already on), or inside the rep's CRM,
 * whose page must be allowed too for the widget's call events to be heard.
 */
export function WidgetPages({ family }: { family: DialerFamily }) {
  const label = dialerLabel(family.id);
  const [pages, setPages] = useState<WidgetPage[]>([]);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const fieldId = `widget-page-${family.id}`;

  const refresh = () =>
    loadSettings().then(
      (settings) => setPages(settings.widgetPages.filter((page) => page.family === family.id)),
      () => setStatus(t('optionsLoadFailed')),
    );
  useEffect(() => void refresh(), []);

  const add = (event: Event) => {
    event.preventDefault();
    const checked = checkSiteInput(typed);
    if (!('origin' in checked)) {
      setError(siteProblemText(checked, typed.trim()));
      return;
    }
    setError('');
    allowWidgetPage(family.id, checked.origin).then(
      (granted) => {
        if (!granted) {
          setError(t('sitesNotGranted', hostOf(checked.origin)));
          return;
        }
        setTyped('');
        setStatus(t('widgetPageAllowed', [label, hostOf(checked.origin)]));
        void refresh();
      },
      () => setError(t('sitesChangeFailed', hostOf(checked.origin))),
    );
  };

  const remove = (page: WidgetPage) =>
    removeWidgetPage(page.family, page.origin).then(
      () => {
        setStatus(t('sitesRemoved', hostOf(page.origin)));
        void refresh();
      },
      () => setStatus(t('sitesChangeFailed', hostOf(page.origin))),
    );

  return (
    <div class="widget-pages">
      <p class="hint">{t('widgetPagesQuestion', label)}</p>
      {pages.length > 0 && (
        <ul>
          {pages.map((page) => (
            <li key={page.origin}>
              {t('widgetPageInside', [label, hostOf(page.origin)])}{' '}
              <button type="button" class="secondary" onClick={() => remove(page)}>
                {t('sitesRemove', hostOf(page.origin))}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-fields" onSubmit={add}>
        <label for={fieldId}>{t('widgetPageField', label)}</label>
        <input
          id={fieldId}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="crm.example.com"
          value={typed}
          aria-invalid={error !== ''}
          aria-describedby={`${fieldId}-error`}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <button type="submit" class="secondary">
          {t('widgetPageAllow')}
        </button>
      </form>
      <p id={`${fieldId}-error`} class="error" role="alert">
        {error}
      </p>
      <p class="status" role="status">
        {status}
      </p>
    </div>
  );
}
