import * as v from 'valibot';
import { DIALERS } from '../dialers/catalog';
import { type CustomSite, customSitesSchema, MAX_CUSTOM_SITES } from '../dialers/custom-sites';
import { type Settings, settingsSchema } from './settings';

/** The settings an organization may preset by policy; each replaces the rep's own while the policy sets it. */
export const MANAGED_SETTINGS = [
  'supportContact',
  'workingHours',
  'delivery',
  'minCallSeconds',
  'conversationSignals',
] as const;

/** The organization's policy, as Rebound understood it. */
export interface ManagedPolicy {
  /** The settings it sets, each valid on its own. */
  settings: Partial<Settings>;
  /** Dialer families it turned on (ids in the catalog). */
  dialers: string[];
  /** Sites it added; they join the rep's own. */
  customSites: CustomSite[];
}

export const NO_POLICY: ManagedPolicy = { settings: {}, dialers: [], customSites: [] };

/** The dialers a policy turns on, against the catalog; only managedPolicyFrom reaches it. */
const parseDialers = (value: unknown) =>
  v.safeParse(
    v.array(v.picklist(DIALERS.filter((dialer) => dialer.hosts.length > 0).map((dialer) => dialer.id))),
    value,
  );

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const issueText = (issues: readonly v.BaseIssue<unknown>[]) => issues.map((issue) => issue.message).join('; ');

/**
 * Reads storage.managed field by field, through the same schemas as the rep's settings: a value
 * that does not pass is ignored with a warning (and the rep's own stays), never a broken
 * extension. A field an organization cannot set is ignored the same way.
 */
export function managedPolicyFrom(raw: unknown, warn: (message: string) => void): ManagedPolicy {
  return policyFrom(raw, warn, parseDialers);
}

/**
 * The policy's settings and sites, without the dialers it turns on (left empty, not checked):
 * what a content script needs to run with the settings in force, without the dialer catalog.
 */
export function managedSettingsFrom(raw: unknown, warn: (message: string) => void): ManagedPolicy {
  return policyFrom(raw, warn, undefined);
}

/** `dialers` undefined: the policy's dialers are skipped, so the caller does not carry the catalog. */
function policyFrom(
  raw: unknown,
  warn: (message: string) => void,
  dialers: typeof parseDialers | undefined,
): ManagedPolicy {
  const policy: ManagedPolicy = { settings: {}, dialers: [], customSites: [] };
  const settings = policy.settings as Record<string, unknown>;
  const ignore = (key: string, why: string) =>
    warn(`Rebound: the organization's value for "${key}" is ignored: ${why}`);
  for (const [key, value] of Object.entries(isRecord(raw) ? raw : {})) {
    if (key === 'dialers') {
      const parsed = dialers?.(value);
      if (parsed?.success) policy.dialers = parsed.output;
      else if (parsed) ignore(key, issueText(parsed.issues));
      continue;
    }
    if (key === 'customSites') {
      const parsed = v.safeParse(customSitesSchema, value);
      if (parsed.success) policy.customSites = parsed.output as CustomSite[];
      else ignore(key, issueText(parsed.issues));
      continue;
    }
    if (!(MANAGED_SETTINGS as readonly string[]).includes(key)) {
      ignore(key, 'not a setting an organization can set');
      continue;
    }
    const schema = (settingsSchema.entries as Record<string, v.GenericSchema | undefined>)[key];
    if (!schema) continue;
    const parsed = v.safeParse(schema, value);
    if (parsed.success) settings[key] = parsed.output;
    else ignore(key, issueText(parsed.issues));
  }
  return policy;
}

/** True when the organization sets this field: Options shows it as theirs, not editable. */
export function isManaged(policy: ManagedPolicy, field: keyof Settings): boolean {
  return field in policy.settings;
}

const originsOf = (sites: readonly CustomSite[]) => new Set(sites.map((site) => site.origin));

/**
 * The settings Rebound runs with: the organization's fields over the rep's, and the
 * organization's sites first among the rep's own (theirs win at the same origin).
 */
export function withManaged(own: Settings, policy: ManagedPolicy): Settings {
  const theirs = originsOf(policy.customSites);
  const customSites = [...policy.customSites, ...own.customSites.filter((site) => !theirs.has(site.origin))];
  return { ...own, ...policy.settings, customSites: customSites.slice(0, MAX_CUSTOM_SITES) };
}

/**
 * What is stored as the rep's own when settings shown with the policy are saved: a field the
 * organization sets keeps the rep's stored value (it is theirs again if the policy goes), and
 * the organization's sites are not copied in.
 */
export function ownPart(shown: Settings, stored: Settings, policy: ManagedPolicy): Settings {
  const own = { ...shown } as Record<string, unknown>;
  for (const key of Object.keys(policy.settings)) own[key] = (stored as Record<string, unknown>)[key];
  const theirs = originsOf(policy.customSites);
  own.customSites = shown.customSites.filter((site) => !theirs.has(site.origin));
  return own as Settings;
}
