/**
 * Whether a site names one app or reaches far wider: a wildcard host, a bare public suffix
 * (`com`, `co.uk`, `github.io`), or one label under a public suffix with a wildcard in front
 * (`*.co.uk`). Used for the catalog's own hosts (its test) and for the sites a rep adds.
 */

/**
 * Suffixes under which anyone can register a name. Not the whole Public Suffix List: the common
 * generic and country endings, the `<second level>.<country>` pattern, and the shared hosting
 * domains a rep is likely to type by mistake.
 */
const PUBLIC_SUFFIXES = new Set([
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'io',
  'co',
  'ai',
  'app',
  'dev',
  'cloud',
  'info',
  'biz',
  'me',
  'us',
  'uk',
  'eu',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'be',
  'ch',
  'at',
  'se',
  'no',
  'dk',
  'fi',
  'ie',
  'pt',
  'pl',
  'ca',
  'mx',
  'br',
  'ar',
  'cl',
  'au',
  'nz',
  'jp',
  'in',
  'sg',
  'hk',
  'cn',
  'kr',
  'za',
  'ru',
  'tv',
  'xyz',
  'site',
  'online',
  'tech',
  'aws',
  'github.io',
  'gitlab.io',
  'herokuapp.com',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'web.app',
  'firebaseapp.com',
  'appspot.com',
  'azurewebsites.net',
  'cloudfront.net',
  'amazonaws.com',
  'blogspot.com',
  'wordpress.com',
  'myshopify.com',
  'ngrok.io',
  'ngrok-free.app',
]);
const SECOND_LEVEL = /^(co|com|net|org|gov|ac|edu|ne|or|go)\.[a-z]{2}$/;

export function isPublicSuffix(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return PUBLIC_SUFFIXES.has(name) || SECOND_LEVEL.test(name);
}

export type BreadthProblem = 'not-a-pattern' | 'any-host' | 'public-suffix' | 'not-https';

/**
 * What makes a host permission pattern broader than one vendor's app, if anything. A leading
 * `*.` is fine over a vendor's own domain (`*.zendesk.com`: one subdomain per customer), never
 * over a public suffix.
 */
export function patternBreadthProblem(pattern: string): BreadthProblem | undefined {
  if (pattern === '<all_urls>') return 'any-host';
  const parts = /^([a-z*]+):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!parts) return 'not-a-pattern';
  const [, scheme, host] = parts as unknown as [string, string, string];
  if (host === '*' || host.includes('*', host.startsWith('*.') ? 2 : 0)) return 'any-host';
  if (scheme !== 'https') return 'not-https';
  const bare = host.startsWith('*.') ? host.slice(2) : host;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(bare)) return 'not-a-pattern';
  if (isPublicSuffix(bare)) return 'public-suffix';
  return bare.includes('.') ? undefined : 'not-a-pattern';
}
