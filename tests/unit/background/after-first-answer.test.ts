import { expect, it, vi } from 'vitest';
import { afterFirstAnswer } from '../../../src/background/after-first-answer';

it('holds start-up chores until the first answer, then runs them once, in order', () => {
  vi.useFakeTimers();
  const ran: string[] = [];
  const startup = afterFirstAnswer(1000);
  startup.later(() => ran.push('registration'));
  startup.later(() => ran.push('badge'));
  expect(ran).toEqual([]);
  startup.answered();
  expect(ran).toEqual(['registration', 'badge']);
  startup.answered();
  vi.advanceTimersByTime(5000);
  expect(ran).toEqual(['registration', 'badge']);
  // A chore handed over later runs at once.
  startup.later(() => ran.push('retention'));
  expect(ran).toEqual(['registration', 'badge', 'retention']);
  vi.useRealTimers();
});

it('runs them after the idle time when nothing wakes the worker with a message', () => {
  vi.useFakeTimers();
  const ran: string[] = [];
  const startup = afterFirstAnswer(1000);
  startup.later(() => ran.push('badge'));
  vi.advanceTimersByTime(999);
  expect(ran).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(ran).toEqual(['badge']);
  startup.answered();
  expect(ran).toEqual(['badge']);
  vi.useRealTimers();
});
