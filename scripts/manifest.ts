/**
 * One source manifest (manifest.json), many outputs: keys starting with `$` are overlays,
 * merged in for a browser (`$chrome`, `$firefox`) or a flavour (`$demo`) and dropped otherwise.
 */
export type Browser = 'chrome' | 'firefox';
export type Flavour = 'store' | 'demo';
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: JsonObject, overlay: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? merge(current, value) : value;
  }
  return out;
}

export function manifestFor(source: JsonObject, browser: Browser, flavour: Flavour): JsonObject {
  const base: JsonObject = {};
  for (const [key, value] of Object.entries(source)) if (!key.startsWith('$')) base[key] = value;
  let manifest = base;
  for (const overlay of [`$${browser}`, flavour === 'demo' ? '$demo' : undefined]) {
    const value = overlay ? source[overlay] : undefined;
    if (isObject(value)) manifest = merge(manifest, value);
  }
  return manifest;
}
