import { type Settings, settingsSchema } from './settings';

/** The settings that are a whole number within bounds. */
export type NumberSetting = {
  [K in keyof Settings]: Settings[K] extends number ? K : never;
}[keyof Settings];

/** A number setting's bounds, as the schema that validates it states them: one truth for the form and the store. */
export function numberBounds(setting: NumberSetting): { min: number; max: number } {
  const bounds = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
  const schema = settingsSchema.entries[setting];
  for (const action of 'pipe' in schema ? schema.pipe : []) {
    if (action.type === 'min_value') bounds.min = Number(action.requirement);
    if (action.type === 'max_value') bounds.max = Number(action.requirement);
  }
  return bounds;
}
