import { dialerLabel } from '../../dialers/dialer-label';
import type { SiteInputCheck } from '../../dialers/site-input';
import { t } from '../../platform/i18n';

/** Why a typed site was refused, naming the field, in the rep's words. */
export function siteProblemText(check: Exclude<SiteInputCheck, { origin: string }>, typed: string): string {
  switch (check.problem) {
    case 'not-a-site':
      return t('sitesBadOrigin');
    case 'too-broad':
      return t('sitesTooBroad', typed);
    case 'public-suffix':
      return t('sitesPublicSuffix', typed);
    case 'known-family':
      return t('sitesKnownFamily', [typed, dialerLabel(check.family.id)]);
  }
}
