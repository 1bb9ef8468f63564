/**
 * WebExtension match patterns (`https://*.example.com/path*`) tested against a page URL, the way
 * the browser does for content scripts: scheme, host (with a leading `*.` wildcard) and path
 * glob; the port is ignored.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const targetScheme = target.protocol.slice(0, -1);
  if (scheme === '*' ? targetScheme !== 'http' && targetScheme !== 'https' : targetScheme !== scheme) return false;
  if (host !== '*') {
    const bare = host.startsWith('*.') ? host.slice(2) : host;
    const hostOk = target.hostname === bare || (host.startsWith('*.') && target.hostname.endsWith(`.${bare}`));
    if (!hostOk) return false;
  }
  const glob = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return glob.test(target.pathname + target.search);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
