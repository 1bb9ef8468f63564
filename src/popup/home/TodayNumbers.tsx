import type { DayNumbers } from '../../db/today';
import { formatCount } from '../../format/figures';
import { t } from '../../platform/i18n';

export function TodayNumbers({ numbers }: { numbers: DayNumbers }) {
  return (
    <section class="today" aria-labelledby="today-heading" data-testid="today">
      <h2 id="today-heading">{t('todayHeading')}</h2>
      <dl>
        <div>
          <dt>{t('todayCalls')}</dt>
          <dd>{formatCount(numbers.calls)}</dd>
        </div>
        <div>
          <dt>{t('todayTough')}</dt>
          <dd>{formatCount(numbers.tough)}</dd>
        </div>
        <div>
          <dt>{t('todayResets')}</dt>
          <dd>{formatCount(numbers.resets)}</dd>
        </div>
      </dl>
    </section>
  );
}
