import * as v from 'valibot';
import { CALL_OUTCOMES } from '../messages/call-signal';

export const settingsSchema = v.object({
  /** Calls shorter than this get no nudge (they are still recorded). */
  minCallSeconds: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600)),
  skipOutcomes: v.array(v.picklist(CALL_OUTCOMES)),
  toastSeconds: v.pipe(v.number(), v.integer(), v.minValue(3), v.maxValue(600)),
  breathSeconds: v.pipe(v.number(), v.integer(), v.minValue(3), v.maxValue(90)),
  /** The rep's own "why I sell" line, shown on the routine's last step (practice `belief`). */
  whyISell: v.pipe(v.string(), v.maxLength(280)),
});
export type Settings = v.InferOutput<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  minCallSeconds: 20,
  skipOutcomes: ['no-answer', 'busy', 'voicemail'],
  toastSeconds: 30,
  breathSeconds: 5,
  whyISell: '',
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
