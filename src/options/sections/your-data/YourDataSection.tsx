import { useState } from 'preact/hooks';
import type { ReboundDb } from '../../../db/schema';
import { t } from '../../../platform/i18n';
import { optionsDb } from '../../options-db';
import { DeleteEverything } from './DeleteEverything';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { RetentionField } from './RetentionField';

/** The rep's data is theirs: take it out, bring it back, keep it for as long as they choose. */
export function YourDataView({ db, now }: { db: ReboundDb; now(): number }) {
  // Settings can change under the retention field (import, delete everything): remount it.
  const [generation, setGeneration] = useState(0);
  const refresh = () => setGeneration((value) => value + 1);
  return (
    <div class="your-data">
      <p>{t('yourDataIntro')}</p>
      <ExportPanel db={db} now={now} />
      <ImportPanel db={db} onImported={refresh} />
      <RetentionField key={generation} />
      <DeleteEverything db={db} onDeleted={refresh} />
    </div>
  );
}

export function YourDataSection() {
  return <YourDataView db={optionsDb()} now={Date.now} />;
}
