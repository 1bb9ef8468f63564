import type { HistoryRow } from '../../../db/history';
import { tagLabel } from '../../../format/answer-labels';
import { callLengthText } from '../../../format/call-length';
import { callOriginLabel } from '../../../format/call-source-label';
import { formatDateTime } from '../../../format/date-time';
import { OUTCOME_LABELS } from '../../../format/outcome-label';
import { ratingLabel } from '../../../format/rating-label';
import { t } from '../../../platform/i18n';

/** One call in the History list, as a button that opens its detail. */
export function HistoryRowView({ row, onOpen }: { row: HistoryRow; onOpen(callId: number): void }) {
  const { call, reset } = row;
  const lesson = reset?.lesson?.doDifferently || reset?.lesson?.wentWell;
  return (
    <button type="button" class="history-row" onClick={() => onOpen(call.id)}>
      <span class="history-line">
        <span class="history-when">{formatDateTime(call.endedAt)}</span>
        <span>{callOriginLabel(call)}</span>
        <span>{callLengthText(call)}</span>
        <span>{t(OUTCOME_LABELS[call.outcome])}</span>
        <span class={`rating-chip rating-${call.rating ?? 'none'}`}>
          {call.rating ? ratingLabel(call.rating) : t('historyUnrated')}
        </span>
        <span>{reset ? t('historyResetDone') : t('historyNoReset')}</span>
      </span>
      <span class="history-line history-muted">
        {call.tags.length > 0 && <span>{call.tags.map(tagLabel).join(', ')}</span>}
        {lesson && <span class="history-lesson">{lesson}</span>}
      </span>
    </button>
  );
}
