import { formatCount } from '../../format/figures';
import { type MessageKey, t } from '../../platform/i18n';
import type { RoutineDraft } from '../../routine/draft';
import type { RoutineKind } from '../../routine/routines';

export const ROUTINE_NAMES: Record<RoutineKind, MessageKey> = {
  quick: 'popupQuickReset',
  'after-call': 'routineNameAfterCall',
  'went-quiet': 'popupWentQuiet',
  prep: 'popupPrep',
  'rough-run': 'popupRoughRun',
};

/** A routine left mid-way (the popup closed): offered back, or let go. */
export function DraftCard({
  draft,
  onResume,
  onDiscard,
}: {
  draft: RoutineDraft;
  onResume(): void;
  onDiscard(): void;
}) {
  return (
    <section class="card draft" aria-labelledby="draft-heading" data-testid="draft">
      <h2 id="draft-heading">{t('draftHeading')}</h2>
      <p class="meta">
        {t('draftMeta', [
          t(ROUTINE_NAMES[draft.kind]),
          formatCount(draft.index + 1),
          formatCount(draft.stepIds.length),
        ])}
      </p>
      <div class="row-actions">
        <button type="button" class="primary" onClick={onResume}>
          {t('draftResume')}
        </button>
        <button type="button" class="secondary" onClick={onDiscard}>
          {t('draftDiscard')}
        </button>
      </div>
    </section>
  );
}
