import * as v from 'valibot';
import { customSitesSchema } from '../dialers/custom-sites';
import { openLinesSchema } from '../dialers/open-line-setting';
import { widgetPagesSchema } from '../dialers/widget-pages';
import { CALL_OUTCOMES } from '../messages/call-signal';
import { NUDGE_DELIVERIES, workingHoursSchema } from './nudge-settings';

export const settingsSchema = v.object({
  /** Calls shorter than this get no nudge (they are still recorded). */
  minCallSeconds: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600)),
  skipOutcomes: v.array(v.picklist(CALL_OUTCOMES)),
  toastSeconds: v.pipe(v.number(), v.integer(), v.minValue(3), v.maxValue(600)),
  breathSeconds: v.pipe(v.number(), v.integer(), v.minValue(3), v.maxValue(90)),
  /** Nudges only inside these hours and days (local time); outside them Rebound stays quiet. */
  workingHours: workingHoursSchema,
  /** At least this long between two nudges. */
  cooldownMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(240)),
  /** After this many calls rated tough in a row the nudge suggests a longer break; 0 turns it off. */
  toughStreak: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(20)),
  /** Who the rep reaches out to after a run of tough calls: a name, or a link (https, mailto, tel). */
  supportContact: v.pipe(v.string(), v.trim(), v.maxLength(200)),
  delivery: v.picklist(NUDGE_DELIVERIES),
  /** The rep's own "why I sell" line, shown on the routine's last step (practice `belief`). */
  whyISell: v.pipe(v.string(), v.maxLength(280)),
  /**
   * Meetings (Google Meet, Zoom, Teams, Webex) have their own nudge rule: a stand-up is not a
   * sales call, so only meetings this long or longer get a nudge, and the rep can turn them off.
   */
  meetingNudges: v.object({
    enabled: v.boolean(),
    minMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(240)),
  }),
  /** Sites the rep added in Options → Sites, with how to tell a call there. */
  customSites: customSitesSchema,
  /** Pages (the rep's CRM) a dialer widget lives in, allowed so its call events are heard there. */
  widgetPages: widgetPagesSchema,
  /** History older than this many days is deleted, checked daily; 0 keeps everything. */
  retentionDays: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3650)),
  /**
   * Conversation signals: who spoke when, from the levels in the browser's own WebRTC statistics
   * (never audio), kept on this computer. Off: the hook reads no statistics at all.
   */
  conversationSignals: v.boolean(),
  /** Sites whose line stays open between calls (or not, against the catalog), and their quiet spell. */
  openLines: openLinesSchema,
});
export type Settings = v.InferOutput<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  minCallSeconds: 20,
  skipOutcomes: ['no-answer', 'busy', 'voicemail'],
  toastSeconds: 30,
  breathSeconds: 5,
  workingHours: { enabled: false, startMinute: 9 * 60, endMinute: 18 * 60, days: [1, 2, 3, 4, 5] },
  cooldownMinutes: 2,
  toughStreak: 3,
  supportContact: '',
  delivery: 'toast',
  whyISell: '',
  meetingNudges: { enabled: true, minMinutes: 5 },
  customSites: [],
  widgetPages: [],
  retentionDays: 0,
  conversationSignals: true,
  openLines: [],
};

/** Reads stored settings field by field: a missing or invalid field falls back to its default. */
export function settingsFrom(stored: unknown): Settings {
  const input = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const result = structuredClone(DEFAULT_SETTINGS) as Record<string, unknown>;
  for (const [key, schema] of Object.entries(settingsSchema.entries)) {
    const parsed = v.safeParse(schema, input[key]);
    if (parsed.success) result[key] = parsed.output;
  }
  return result as Settings;
}
