/**
 * Rebound never renders raw HTML: every string a rep or a page gives us goes in as text. Preact
 * still carries the `dangerouslySetInnerHTML` path, an `innerHTML` assignment that ships in
 * every bundle and that `web-ext lint` rightly flags. This build plugin replaces that assignment
 * with a throw, so the path cannot be used by mistake and the shipped code holds no `innerHTML`
 * write at all. It fails the build when Preact's code no longer matches, rather than letting an
 * upgrade bring the assignment back unnoticed.
 */
import type { Plugin } from 'vite';

const PREACT_BUNDLE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
/** Preact's minified `dom.innerHTML = newHtml.__html` (names vary by release, the shape does not). */
const RAW_HTML_WRITE = /\b([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\b/g;
const REFUSAL = '(()=>{throw new TypeError("Rebound renders no raw HTML")})()';

export function withoutRawHtml(code: string): string {
  let writes = 0;
  const safe = code.replace(RAW_HTML_WRITE, () => {
    writes += 1;
    return REFUSAL;
  });
  if (writes !== 1) {
    throw new Error(`no-raw-html: expected one innerHTML write in Preact, found ${writes}; update the pattern`);
  }
  return safe;
}

export function noRawHtml(): Plugin {
  return {
    name: 'rebound:no-raw-html',
    transform(code, id) {
      return PREACT_BUNDLE.test(id) ? { code: withoutRawHtml(code), map: null } : null;
    },
  };
}
