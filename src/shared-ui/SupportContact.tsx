import type { Escalation } from '../messages/escalation';
import { t } from '../platform/i18n';

/**
 * "Talk it through with" the rep's support contact: a link that opens it (a page, an email, a
 * call) when it is one, the name otherwise. Shown by the toast's escalation and the rough run.
 */
export function SupportContact({ contact }: { contact: NonNullable<Escalation['contact']> }) {
  return (
    <p data-testid="support-contact">
      {t('escalationContactLead')}{' '}
      {contact.href ? (
        <a href={contact.href} target="_blank" rel="noopener noreferrer">
          {contact.label}
        </a>
      ) : (
        <strong>{contact.label}</strong>
      )}
    </p>
  );
}
