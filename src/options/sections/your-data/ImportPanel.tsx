import { useState } from 'preact/hooks';
import { type ExportDocument, type ImportProblem, MAX_IMPORT_BYTES, parseExport } from '../../../db/export-format';
import { applyImport, type ImportSummary, previewImport } from '../../../db/import';
import type { ReboundDb } from '../../../db/schema';
import { formatCount } from '../../../format/figures';
import { t } from '../../../platform/i18n';
import { settingsFrom } from '../../../settings/settings';
import { saveSettings } from '../../../settings/settings-store';
import { notifyHistoryChanged } from '../../notify-history-changed';
import { importProblemText } from './import-problem-text';

type Step =
  | { name: 'choose' }
  | { name: 'reading' }
  | { name: 'rejected'; file: string; problems: ImportProblem[] }
  | { name: 'preview'; file: string; document: ExportDocument; summary: ImportSummary }
  | { name: 'applying'; written: number; total: number };

/** Import a JSON export: validated, previewed, then merged in one transaction or not at all. */
export function ImportPanel({ db, onImported }: { db: ReboundDb; onImported?(): void }) {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [useSettings, setUseSettings] = useState(false);
  const [status, setStatus] = useState('');

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setStatus('');
    if (file.size > MAX_IMPORT_BYTES) {
      setStep({ name: 'rejected', file: file.name, problems: [{ code: 'too-large', bytes: file.size }] });
      return;
    }
    setStep({ name: 'reading' });
    try {
      const parsed = parseExport(await file.text());
      if (!parsed.ok) {
        setStep({ name: 'rejected', file: file.name, problems: parsed.problems });
        return;
      }
      const summary = await previewImport(db, parsed.document);
      setUseSettings(false);
      setStep({ name: 'preview', file: file.name, document: parsed.document, summary });
    } catch {
      setStep({ name: 'choose' });
      setStatus(t('importFailed'));
    }
  };

  const apply = async (document: ExportDocument) => {
    setStep({ name: 'applying', written: 0, total: 0 });
    try {
      const done = await applyImport(db, document, (written, total) => setStep({ name: 'applying', written, total }));
      if (useSettings && document.settings !== undefined) await saveSettings(settingsFrom(document.settings));
      await notifyHistoryChanged();
      setStatus(
        t('importDone', [formatCount(done.calls.add), formatCount(done.resets.add), formatCount(done.followUps.add)]),
      );
      onImported?.();
    } catch {
      setStatus(t('importFailedUnchanged'));
    }
    setStep({ name: 'choose' });
  };

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p>{t('importIntro')}</p>
      <label class="field">
        <span>{t('importChoose')}</span>
        <input
          type="file"
          accept=".json,application/json"
          disabled={step.name === 'reading' || step.name === 'applying'}
          onChange={(event) => void choose(event.currentTarget)}
        />
      </label>
      {step.name === 'rejected' && (
        <div class="error" role="alert">
          <p>{t('importRejected', step.file)}</p>
          <ul>
            {step.problems.map((problem) => {
              const text = importProblemText(problem);
              return <li key={text}>{text}</li>;
            })}
          </ul>
        </div>
      )}
      {step.name === 'preview' && (
        <section class="card" aria-labelledby="import-preview-title">
          <h3 id="import-preview-title">{t('importPreviewTitle', step.file)}</h3>
          <ul>
            <li>
              {t('importPreviewCalls', [formatCount(step.summary.calls.add), formatCount(step.summary.calls.present)])}
            </li>
            <li>
              {t('importPreviewResets', [
                formatCount(step.summary.resets.add),
                formatCount(step.summary.resets.present),
              ])}
            </li>
            <li>
              {t('importPreviewFollowUps', [
                formatCount(step.summary.followUps.add),
                formatCount(step.summary.followUps.present),
              ])}
            </li>
          </ul>
          {step.document.settings !== undefined && (
            <label class="check">
              <input
                type="checkbox"
                checked={useSettings}
                onChange={(event) => setUseSettings(event.currentTarget.checked)}
              />
              {t('importUseSettings')}
            </label>
          )}
          <div class="actions">
            <button type="button" class="primary" onClick={() => void apply(step.document)}>
              {t('importApply')}
            </button>
            <button type="button" onClick={() => setStep({ name: 'choose' })}>
              {t('cancel')}
            </button>
          </div>
        </section>
      )}
      {step.name === 'applying' && step.total > 0 && (
        <label class="field import-progress">
          <span>{t('importProgress', [formatCount(step.written), formatCount(step.total)])}</span>
          <progress max={step.total} value={step.written} />
        </label>
      )}
      <p class="status" role="status" aria-busy={step.name === 'reading' || step.name === 'applying'}>
        {step.name === 'reading' ? t('importReading') : step.name === 'applying' ? t('importApplying') : status}
      </p>
    </section>
  );
}
