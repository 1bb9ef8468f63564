/**
 * Messages a locale writes exactly as English does, each with its reason. The locale unit test
 * fails on any other message identical to English (most likely left untranslated) and on an
 * entry here that is no longer identical; the locale e2e does not count these as English left
 * over. A new locale states its own list here; a new brand-named dialer adds its key.
 */
const BRAND = 'a brand name, written the same in every language';
const PLACEHOLDERS = 'only placeholders and punctuation';

const EVERY_LOCALE: Readonly<Record<string, string>> = {
  extName: BRAND,
  toastLabel: BRAND,
  dialer_ringcentral: BRAND,
  dialer_aircall: BRAND,
  dialer_justcall: BRAND,
  dialer_zoom_phone: BRAND,
  dialer_dialpad: BRAND,
  dialer_google_voice: BRAND,
  dialer_salesloft: BRAND,
  dialer_outreach: BRAND,
  dialer_orum: BRAND,
  dialer_nooks: BRAND,
  dialer_kixie: BRAND,
  dialer_cloudtalk: BRAND,
  dialer_phoneburner: BRAND,
  dialer_8x8: BRAND,
  dialer_vonage: BRAND,
  dialer_nextiva: BRAND,
  dialer_amazon_connect: BRAND,
  dialer_genesys_cloud: BRAND,
  dialer_five9: BRAND,
  dialer_talkdesk: BRAND,
  dialer_twilio_flex: BRAND,
  dialer_nice_cxone: BRAND,
  dialer_zendesk_talk: BRAND,
  dialer_freshcaller: BRAND,
  dialer_close: BRAND,
  dialer_pipedrive: BRAND,
  dialer_google_meet: BRAND,
  dialer_webex: BRAND,
  callMeta: PLACEHOLDERS,
  roughRolePlayCall: PLACEHOLDERS,
  insightsToughValue: PLACEHOLDERS,
  insightsMoodValue: `${PLACEHOLDERS}, and the statistician's "n ="`,
};

export const SAME_AS_ENGLISH: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  es: {
    ...EVERY_LOCALE,
    snooze30m: '"min" abbreviates minutos too',
    dialer_teams_personal: 'a brand name, and "personal" is Spanish too',
  },
  de: {
    ...EVERY_LOCALE,
    historyDialer: '"Dialer" is the word German sales teams use for it',
    trailTab: '"Tab" is the German word for a browser tab too',
  },
  fr: {
    ...EVERY_LOCALE,
    snooze30m: '"min" abbreviates minutes in French too',
    optionsSites: '"Sites" is the French plural of site',
    trailSite: '"Site" is the French word for a web site',
  },
  pt_BR: {
    ...EVERY_LOCALE,
    snooze30m: '"min" abbreviates minutos too',
    optionsSites: '"Sites" is the Brazilian Portuguese word for web sites',
    trailSite: '"Site" is the Brazilian Portuguese word for a web site',
  },
};
