/** Where days, hours and weekdays are read: local time in the extension, a fixed zone in tests. */
export interface Clock {
  hour(ms: number): number;
  /** 0 = Sunday … 6 = Saturday, as Date#getDay. */
  weekday(ms: number): number;
  startOfDay(ms: number): number;
}

export const localClock: Clock = {
  hour: (ms) => new Date(ms).getHours(),
  weekday: (ms) => new Date(ms).getDay(),
  startOfDay: (ms) => {
    const day = new Date(ms);
    day.setHours(0, 0, 0, 0);
    return day.getTime();
  },
};

/** The start of the day after the one `dayStart` begins (23 or 25 hours later across a clock change). */
export const nextDayStart = (dayStart: number, clock: Clock): number => clock.startOfDay(dayStart + 36 * 3_600_000);
