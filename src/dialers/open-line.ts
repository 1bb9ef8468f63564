import { DEFAULT_QUIET_SECONDS } from '../talk/open-line-splitter';
import { familyAtPage, familyLineStaysOpen } from './catalog';
import type { OpenLine } from './open-line-setting';

/** The site a frame belongs to for this setting: a known family whose pages it is on, else its origin. */
export function lineSiteOf(url: string): string | undefined {
  const family = familyAtPage(url);
  if (family) return family.id;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** The rep's setting for a site, or the catalog's default for it. */
export function openLineOf(lines: readonly OpenLine[], site: string): OpenLine {
  return (
    lines.find((line) => line.site === site) ?? {
      site,
      open: familyLineStaysOpen(site),
      quietSeconds: DEFAULT_QUIET_SECONDS,
    }
  );
}

/** `lines` with the setting for one site replaced. */
export function withOpenLine(lines: readonly OpenLine[], line: OpenLine): OpenLine[] {
  return [...lines.filter((other) => other.site !== line.site), line];
}
