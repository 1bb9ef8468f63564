import { useState } from 'preact/hooks';
import { exportCallsCsv, exportJson, exportResetsCsv } from '../../../db/export';
import type { ReboundDb } from '../../../db/schema';
import { formatCount } from '../../../format/figures';
import { t } from '../../../platform/i18n';
import { loadSettings } from '../../../settings/settings-store';
import { downloadBlob, exportFilename } from './download';

interface ExportPanelProps {
  db: ReboundDb;
  now(): number;
}

/** JSON (everything, re-importable) and CSV (calls, resets), written in chunks with progress. */
export function ExportPanel({ db, now }: ExportPanelProps) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const run = async (make: (onProgress: (rows: number) => void) => Promise<Blob>, filename: string) => {
    setBusy(true);
    setStatus(t('exportWorking', '0'));
    try {
      const blob = await make((rows) => setStatus(t('exportWorking', formatCount(rows))));
      downloadBlob(blob, filename);
      setStatus(t('exportDone', filename));
    } catch {
      setStatus(t('exportFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <p>{t('exportIntro')}</p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() =>
            run(
              async (onProgress) => exportJson(db, await loadSettings(), now(), { onProgress }),
              exportFilename('export', 'json', now()),
            )
          }
        >
          {t('exportJson')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => run((onProgress) => exportCallsCsv(db, { onProgress }), exportFilename('calls', 'csv', now()))}
        >
          {t('exportCallsCsv')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            run((onProgress) => exportResetsCsv(db, { onProgress }), exportFilename('resets', 'csv', now()))
          }
        >
          {t('exportResetsCsv')}
        </button>
      </div>
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
