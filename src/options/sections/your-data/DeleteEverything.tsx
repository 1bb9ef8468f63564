import { useRef, useState } from 'preact/hooks';
import { deleteAllHistory } from '../../../db/deletion';
import type { ReboundDb } from '../../../db/schema';
import { browserReminders } from '../../../follow-ups/browser-reminders';
import { browser } from '../../../platform/browser';
import { t } from '../../../platform/i18n';
import { notifyHistoryChanged } from '../../notify-history-changed';

/** Deletes every call, reset and follow-up and the settings, after a confirmation. */
export function DeleteEverything({ db, onDeleted }: { db: ReboundDb; onDeleted?(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [status, setStatus] = useState('');

  const confirm = async () => {
    try {
      const followUpIds = await deleteAllHistory(db);
      await browserReminders(db).forget(followUpIds);
      await browser.storage.local.remove('settings');
      await notifyHistoryChanged();
      setStatus(t('deleteAllDone'));
      onDeleted?.();
    } catch {
      setStatus(t('deleteAllFailed'));
    }
    dialog.current?.close();
  };

  return (
    <section aria-labelledby="delete-all-title">
      <h2 id="delete-all-title">{t('deleteAllTitle')}</h2>
      <p>{t('deleteAllIntro')}</p>
      <button type="button" class="danger-outline" onClick={() => dialog.current?.showModal()}>
        {t('deleteAllOpen')}
      </button>
      <dialog ref={dialog} aria-labelledby="delete-all-confirm" class="confirm-dialog">
        <h3 id="delete-all-confirm">{t('deleteAllConfirmTitle')}</h3>
        <p>{t('deleteAllConfirmText')}</p>
        <div class="actions">
          <button type="button" class="danger" onClick={() => void confirm()}>
            {t('deleteAllYes')}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('cancel')}
          </button>
        </div>
      </dialog>
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
