import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { type OptionsSection, SECTIONS } from './sections';

function sectionFromHash(): OptionsSection | undefined {
  const id = location.hash.slice(1);
  return SECTIONS.find((section) => section.id === id) ?? SECTIONS[0];
}

export function App() {
  const [active, setActive] = useState(sectionFromHash);

  useEffect(() => {
    const onHash = () => setActive(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <div class="options">
      <header class="options-header">
        <p class="brand">Rebound</p>
        <nav aria-label={t('optionsNav')}>
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`} aria-current={section.id === active?.id ? 'page' : undefined}>
                  {section.title()}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="options-main">
        {active && (
          <>
            <h1>{active.title()}</h1>
            <active.Component />
          </>
        )}
      </main>
    </div>
  );
}
