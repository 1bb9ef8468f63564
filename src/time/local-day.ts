/** Local-time day boundaries: "today" for the badge, "rest of the day" for a snooze. */
export function startOfDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

export function startOfNextDay(now: number): number {
  const day = new Date(now);
  day.setHours(24, 0, 0, 0);
  return day.getTime();
}

/** Weekday (0 = Sunday) and minute of the day, in local time. */
export function localClock(now: number): { day: number; minute: number } {
  const date = new Date(now);
  return { day: date.getDay(), minute: date.getHours() * 60 + date.getMinutes() };
}
