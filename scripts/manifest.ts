/**
 * One source manifest (manifest.json), many outputs: keys starting with `$` are overlays,
 * merged in for a browser (`$chrome`, `$firefox`) or a test flavour (`$demo`, `$widgetOnly`) and
 * dropped otherwise. In an overlay, a key ending in `+` appends its list to the key without it.
 */
export type Browser = 'chrome' | 'firefox';
/**
 * `store` asks for every site; `demo` also grants all of loopback (npm start, most e2e tests);
 * `widget-only` grants only localhost (a widget's origin) and lets 127.0.0.1 (the CRM page the
 * widget lives in) be asked for, as the store build would after the rep turns the widget on.
 */
export type Flavour = 'store' | 'demo' | 'widget-only';
const FLAVOUR_OVERLAYS: Record<Flavour, string | undefined> = {
  store: undefined,
  demo: '$demo',
  'widget-only': '$widgetOnly',
};
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: JsonObject, overlay: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    if (key.endsWith('+')) {
      const base = key.slice(0, -1);
      const current = out[base];
      out[base] = [...(Array.isArray(current) ? current : []), ...(Array.isArray(value) ? value : [])];
      continue;
    }
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? merge(current, value) : value;
  }
  return out;
}

export function manifestFor(source: JsonObject, browser: Browser, flavour: Flavour): JsonObject {
  const base: JsonObject = {};
  for (const [key, value] of Object.entries(source)) if (!key.startsWith('$')) base[key] = value;
  let manifest = base;
  for (const overlay of [`$${browser}`, FLAVOUR_OVERLAYS[flavour]]) {
    const value = overlay ? source[overlay] : undefined;
    if (isObject(value)) manifest = merge(manifest, value);
  }
  return manifest;
}
