import * as v from 'valibot';

/** How a nudge reaches the rep: the in-page toast (with the badge), a system notification, or the routine window. */
export const NUDGE_DELIVERIES = ['toast', 'notification', 'window'] as const;
export type NudgeDelivery = (typeof NUDGE_DELIVERIES)[number];

const minuteOfDay = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60 - 1));
export const workingHoursSchema = v.object({
  enabled: v.boolean(),
  startMinute: minuteOfDay,
  /** Before startMinute means the hours run past midnight. */
  endMinute: minuteOfDay,
  /** 0 = Sunday … 6 = Saturday, as Date.getDay(). */
  days: v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6))),
});
export type WorkingHours = v.InferOutput<typeof workingHoursSchema>;
