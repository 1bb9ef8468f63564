import type { FollowUpForm } from '../routine/answers';

/** The due time the form's local date and time name, or undefined when they name none. */
export function dueAtFrom(form: Pick<FollowUpForm, 'date' | 'time'>): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(form.time)) return undefined;
  const due = new Date(`${form.date}T${form.time}`).getTime();
  return Number.isNaN(due) ? undefined : due;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A blank form proposing tomorrow at 10:00, local time. */
export function blankFollowUpForm(now: number): FollowUpForm {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  const date = `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}`;
  return { who: '', date, time: '10:00', note: '' };
}
