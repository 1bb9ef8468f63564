import { t } from '../../platform/i18n';

/** The note beside a setting the organization's policy sets: the field is theirs, not editable. */
export function SetByOrganization({ id }: { id: string }) {
  return (
    <small id={id} class="hint set-by-organization">
      {t('optionsSetByOrganization')}
    </small>
  );
}
