import type { Escalation } from '../../messages/escalation';
import { t } from '../../platform/i18n';
import { SupportContact } from '../../shared-ui/SupportContact';

interface EscalationNoteProps {
  escalation: Escalation;
  /** Opens the rough-run routine: the longer break, with the steps that go with it. */
  onRoughRun(event: Event): void;
}

/**
 * After a run of tough calls (the toast's title says how many): a longer break, and the person
 * the rep named (practices support, role-play).
 */
export function EscalationNote({ escalation, onRoughRun }: EscalationNoteProps) {
  const { contact } = escalation;
  return (
    <div class="escalation" data-testid="escalation">
      <p class="escalation-lead">{t('escalationBody')}</p>
      {contact ? <SupportContact contact={contact} /> : <p>{t('escalationNoContact')}</p>}
      <button type="button" class="primary" onClick={onRoughRun}>
        {t('escalationRoughRun')}
      </button>
    </div>
  );
}
