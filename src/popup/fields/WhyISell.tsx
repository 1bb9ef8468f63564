import { t } from '../../platform/i18n';
import type { RoutineAnswers } from '../../routine/answers';
import { TextArea } from './TextArea';

interface WhyISellProps {
  /** The line from settings; empty until the rep writes one. */
  line: string;
  answers: RoutineAnswers;
  update(patch: Partial<RoutineAnswers>): void;
}

/** The rep's "why I sell" line (practice `belief`): shown when set, asked for once when not. */
export function WhyISell({ line, answers, update }: WhyISellProps) {
  return line ? (
    <blockquote class="belief" data-testid="why-i-sell">
      <p class="meta">{t('routineWhyISellShown')}</p>
      <p>{line}</p>
    </blockquote>
  ) : (
    <TextArea
      id="why-i-sell"
      rows={2}
      label={t('routineWhyISellLabel')}
      value={answers.whyISell}
      onInput={(value) => update({ whyISell: value })}
    />
  );
}
