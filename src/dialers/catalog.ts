import { demoPagesOf, PAGE_READ_HOSTS, WIDGET_HOSTS, widgetFamilyIdAt } from './frame-families';
import { matchesPattern } from './page-patterns';

/**
 * The dialer families Rebound knows: what the rep sees, which hosts each needs, and how its calls
 * are heard. Shared by the background, the popup, the options and onboarding pages; adapters live
 * in content/adapters. Each family names, in a comment above it, the vendor's own page its hosts
 * were taken from (`Source:`, a concrete page, never a site's front page). Where the vendor's public
 * docs were searched and do not name the web app's host, the comment says `Source: none found` or
 * names the nearest vendor page, and an `Unconfirmed:` line says what was searched; the hosts are
 * then the app's address as it is commonly known, to be confirmed. The catalog test reads this
 * file and keeps the list of unconfirmed families explicit.
 */

/** How the families are grouped on the onboarding page and in Options → Sites, in this order. */
export const DIALER_GROUPS = ['sales-dialers', 'contact-centres', 'crm-calling', 'meetings'] as const;
export type DialerGroup = (typeof DIALER_GROUPS)[number];

export interface DialerFamily {
  id: string;
  /**
   * The brand, as the vendor writes it. The rep reads the i18n message `dialer_<id>`
   * (dialer-label.ts), where descriptive words are translated; in English it is this label.
   */
  label: string;
  group: DialerGroup;
  /** How Rebound hears a call: the dialer's own messages, the page it shows, or its audio. */
  how: 'messages' | 'page' | 'audio';
  /** The content adapter (src/content/adapters) that hears it: its id. */
  adapter: string;
  /** Optional host permissions asked for when the rep turns this dialer on. */
  hosts: readonly string[];
  /**
   * The softphone keeps one audio connection up between conversations (power and parallel
   * dialers, contact centres with a persistent agent line), so a connection's life is not one
   * call: calls are told apart by talk activity. The rep can change it per site in Options → Sites.
   */
  keepsLineOpen: boolean;
  /**
   * A widget that CRMs embed: its call events go to the CRM page hosting it, which must be
   * allowed too for Rebound to hear them (the widget's own hosts alone give only its audio).
   */
  widget?: boolean;
}

/** Whether a family keeps its line open, as the catalog knows it. */
export function familyLineStaysOpen(id: string): boolean {
  return DIALERS.find((dialer) => dialer.id === id)?.keepsLineOpen === true;
}

const WEBRTC = { how: 'audio', adapter: 'webrtc' } as const;

export const DIALERS: readonly DialerFamily[] = [
  // Source: https://developers.hubspot.com/docs/api/crm/extensions/calling-sdk
  {
    id: 'hubspot',
    label: 'HubSpot calling',
    group: 'crm-calling',
    how: 'messages',
    adapter: 'hubspot',
    hosts: ['https://app.hubspot.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://github.com/ringcentral/ringcentral-embeddable (docs/widget-event.md)
  {
    id: 'ringcentral',
    label: 'RingCentral',
    group: 'sales-dialers',
    how: 'messages',
    adapter: 'ringcentral',
    hosts: WIDGET_HOSTS.ringcentral,
    keepsLineOpen: false,
    widget: true,
  },
  // Source: https://github.com/aircall/aircall-everywhere
  {
    id: 'aircall',
    label: 'Aircall',
    group: 'sales-dialers',
    how: 'messages',
    adapter: 'aircall',
    hosts: WIDGET_HOSTS.aircall,
    keepsLineOpen: false,
    widget: true,
  },
  // Source: https://github.com/saaslabsco/justcall-dialer-sdk/blob/master/README.md (JustCall's own dialer SDK: "JustCall Dialer (https://app.justcall.io/dialer)", an account at https://app.justcall.io/)
  {
    id: 'justcall',
    label: 'JustCall',
    group: 'sales-dialers',
    how: 'messages',
    adapter: 'justcall',
    hosts: WIDGET_HOSTS.justcall,
    keepsLineOpen: false,
    widget: true,
  },
  // Source: https://developers.zoom.us/docs/phone/smart-embed/
  {
    id: 'zoom-phone',
    label: 'Zoom Phone',
    group: 'sales-dialers',
    how: 'messages',
    adapter: 'zoom-phone',
    hosts: WIDGET_HOSTS['zoom-phone'],
    keepsLineOpen: false,
    widget: true,
  },
  // Source: https://developers.dialpad.com/docs/dialpad-cti
  {
    id: 'dialpad',
    label: 'Dialpad',
    group: 'sales-dialers',
    how: 'messages',
    adapter: 'dialpad',
    hosts: WIDGET_HOSTS.dialpad,
    keepsLineOpen: false,
    widget: true,
  },
  // Source: https://support.google.com/voice/answer/115116 (Google Voice Help, "Send text messages": "On your computer, go to
  // voice.google.com"; Help's "Add credit" page, answer/141923, likewise: "Go to voice.google.com". The text was read from
  // the stored copy of those same Help pages, same paths, at google-support.mirrorblogs.com; no copy from
  // support.google.com itself was stored)
  {
    id: 'google-voice',
    label: 'Google Voice',
    group: 'sales-dialers',
    how: 'page',
    adapter: 'google-voice',
    hosts: PAGE_READ_HOSTS['google-voice'],
    keepsLineOpen: false,
  },
  // Source: https://support.salesloft.com/hc/en-us/articles/360037339332-Sign-Into-SalesLoft ("Go to app.salesloft.com")
  {
    id: 'salesloft',
    label: 'Salesloft',
    group: 'sales-dialers',
    how: 'page',
    adapter: 'salesloft',
    hosts: PAGE_READ_HOSTS.salesloft,
    keepsLineOpen: false,
  },
  // Source: https://github.com/getoutreach/clientxtsdk/blob/main/docs/host-requirements.md (Outreach's add-on SDK:
  // the Outreach app that frames an add-on is on *.outreach.io, "frame-ancestor 'self' *.outreach.io")
  {
    id: 'outreach',
    label: 'Outreach',
    group: 'sales-dialers',
    how: 'page',
    adapter: 'outreach',
    hosts: PAGE_READ_HOSTS.outreach,
    keepsLineOpen: false,
  },
  // Source: https://support.orum.com/hc/en-us/articles/6280722225809-User-Management-and-People-Settings
  // Unconfirmed: Orum's help found names no host (docs.orum.io is another company's, for payments). Searched (pages):
  //   "Orum help log in app.orum.com"; "support.orum.com Orum dialer Chrome extension install sign in Orum web app URL";
  //   "Orum parallel dialer getting started log into Orum connect Salesforce integration settings";
  //   "Orum dialer IT requirements allowlist domains websocket orum.com network firewall";
  //   "Orum dialer Chrome browser requirements microphone allowlist orum.com domains network".
  // (code): the strings "app.orum.com" (one third party, saying it does not resolve) and "orum.com/".
  // More searched (pages): "Orum webhooks call-disposition-added x-webhook-signature" (support.orum.com/orum/article/ART-463-webhooks:
  //   "Settings → System → Webhooks", no host); "Orum help center how to log in to Orum single sign-on SSO login page"
  //   (support.orum.com/en-US/orum/article/Am0DBxe--singlesignon-sso: Auth0 SSO, no host); "Orum SSO once configured users log in at
  //   the Orum login page with their work email continue with SSO"; "Orum Chrome extension install open Orum web app dial from any page";
  //   "Orum system requirements browser Chrome headset microphone permissions dialer support article";
  //   "support.orum.com article connect Salesforce integration in Orum settings integrations page"; "Orum product updates parallel dialer
  //   new feature release notes"; "support.orumhq.com log in to Orum go to app" (Orum's help also lives on support.orumhq.com; no host).
  // (code): the strings "app.orumhq" and "orumhq.com" (none of Orum's); find_repos "orum" and "orumhq" (Orum's GitHub org, orumhq:
  //   read orumhq/sundial_api, a hiring mock server, no host).
  // Beware: that third party (API Evangelist's Orum profile) reports that app.orum.com does not resolve.
  {
    id: 'orum',
    label: 'Orum',
    group: 'sales-dialers',
    ...WEBRTC,
    hosts: ['https://app.orum.com/*'],
    keepsLineOpen: true,
  },
  // Source: https://intercom.help/nooks/en/articles/8503528-how-to-manage-users-on-nooks ("Open Nooks at https://nooks.ai";
  // re-checked: no vendor page found names an app host such as app.nooks.ai or nooks.ai/app, and code has no "app.nooks.ai")
  {
    id: 'nooks',
    label: 'Nooks',
    group: 'sales-dialers',
    ...WEBRTC,
    hosts: ['https://nooks.ai/*'],
    keepsLineOpen: true,
  },
  // Source: https://support.kixie.com/hc/en-us/articles/227010668-Replacing-Vs-Deleting-Users ("log in to Kixie.com")
  // Unconfirmed: Kixie's help says "log in to Kixie.com" and names only apig.kixie.com, its API. Searched (pages):
  //   "Kixie PowerCall dialer log in app.kixie.com dashboard"; "support.kixie.com app.kixie.com settings webhooks integrations navigate";
  //   "Kixie whitelist domains firewall kixie.com network requirements PowerCall"; "How to log in to the Kixie dashboard reset password Kixie account".
  // (docs): "kixie.com developer API documentation dashboard app.kixie.com manage account settings".
  // (code): the string "app.kixie.com" (third parties only); repositories named "kixie" (none of Kixie's own).
  // More searched (pages): "Kixie Start Call Webhook Configuration and Data Payload" (support.kixie.com article 20871662051739,
  //   "Managing Kixie Event Webhooks via API": "the Kixie dashboard ... Manage > Account Settings > Integrations", no host);
  //   "Kixie Authentication Overview log in PowerCall dashboard"; "Kixie help article navigate to Manage settings in the Kixie dashboard";
  //   "Kixie support: open your browser and go to app.kixie.com, sign in to the Kixie Dashboard";
  //   "Kixie PowerCall web dialer browser version make calls from Kixie dashboard".
  // (docs): "Kixie API documentation webhooks call events businessid apikey"; "developer.kixie.com webhooks start call webhook set up in
  //   Kixie dashboard". (code): the strings "dashboard.kixie.com" (none) and "app.kixie.com" (third parties only, as the dashboard:
  //   /manage/powerlists, /history/call-history); find_repos "Kixie-com" (Kixie's GitHub org, nothing stored).
  // Beware: Kixie's own help (support.kixie.com/hc/en-us/articles/40259980714779, "Setting up Your Direct Line's Inbound Call Flow")
  //   rings calls on "PowerCall (Chrome Extension)" or the "Mobile App", so the call's audio may be on no web page Rebound can hear.
  {
    id: 'kixie',
    label: 'Kixie',
    group: 'sales-dialers',
    ...WEBRTC,
    hosts: ['https://app.kixie.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://help.cloudtalk.io/en/articles/5349174-cloudtalk-introduction-installing-cloudtalk-phone
  {
    id: 'cloudtalk',
    label: 'CloudTalk',
    group: 'sales-dialers',
    ...WEBRTC,
    hosts: ['https://phone.cloudtalk.io/*', 'https://my.cloudtalk.io/*'],
    keepsLineOpen: false,
  },
  // Source: https://www.phoneburner.com/developer/route_list (PhoneBurner's API reference, served from www.phoneburner.com,
  // writes out the account's routes there, https://www.phoneburner.com/rest/1/, dial sessions among them)
  {
    id: 'phoneburner',
    label: 'PhoneBurner',
    group: 'sales-dialers',
    ...WEBRTC,
    hosts: ['https://www.phoneburner.com/*'],
    keepsLineOpen: true,
  },
  // Source: https://support.8x8.com/cloud-phone-service/voice/voice-administration-account-manager/phone-system/company-settings/How-do-I-enable-or-disable-8x8-Work-Apps-access-for-user-Account-Manager
  // Unconfirmed: names Work for Web, not its host. Searched (pages): "8x8 Work for Web sign in work.8x8.com browser";
  //   "docs.8x8.com 8x8 Work for Web log in open browser go to"; "Get started with 8x8 Work for Web access 8x8 Work in a browser";
  //   "8x8 Work for Web user guide log in to 8x8 Work for Web from your browser URL"; "8x8 bug bounty program scope work.8x8.com 8x8 Work";
  //   "work.8x8.com" (exact: 8x8's password-reset article links "the login page" without writing it out).
  // (docs): "8x8 Work web app URL firewall domains allow list 8x8.com"; "8x8 Work for Web getting started supported browsers Chrome log in 8x8 credentials".
  // (code): the string "work.8x8.com" (third parties, and an 8x8 design-system README using it only as a logo's address);
  //   read 8x8Cloud/public-developer-docs (no work.8x8.com).
  // More searched (pages): "8x8 Work for Web supported browsers"; "8x8 Work for Web system requirements"; "8x8 Work for Web overview
  //   features chrome browser without installing"; "Work for Web 8x8 log in browser address go to"; "8x8 Work for Web getting started log
  //   in with your 8x8 credentials"; "Get started with 8x8 Work for Web: open your browser, sign in, allow microphone, web app";
  //   "access 8x8 Work from a web browser instead of the desktop app Work for Web link"; "8x8 Work for Web FAQ which browsers are
  //   supported, how do I log in to Work for Web"; "8x8 Work for Web release notes new features"; "8x8 Work for Web microphone blocked
  //   allow site permissions browser notifications calls not ringing"; "8x8 network requirements firewall allow list *.8x8.com domains";
  //   "X Series Technical Requirements domains FQDN allow list Work for Web 8x8.com HTTPS" and "sso.8x8.com TCP 443 Work for Web Work for
  //   Desktop domains table X Series" (support-portal.8x8.com's X Series Technical Requirements came up; its stored text gives subnets).
  // (docs): "8x8 Work for Web user guide access URL"; "docs.8x8.com 8x8WebHelp Work for Web"; "@8x8/pui-partner-comm partner SDK
  //   allowed origins 8x8 Work". (code): the string "pui-partner-comm"; every host in 8x8Cloud/public-developer-docs (fetched and
  //   grepped whole: api, connect, cpaas, vcc-*, cloud8.8x8.com/mashell for the embedded Maestro shell; the partner guide frames
  //   partners under "frame-ancestors https://*.8x8.com"; no work.8x8.com).
  {
    id: '8x8',
    label: '8x8 Work',
    group: 'sales-dialers',
    ...WEBRTC,
    hosts: ['https://work.8x8.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://github.com/Vonage/micro-frontends/blob/develop/tests/unit/MicroFrontendOrchestrator.test.ts (Vonage's own
  // micro-frontend orchestrator frames its app at https://app.vonage.com, its QA twin at app.qa7.vocal-qa.com)
  {
    id: 'vonage',
    label: 'Vonage',
    group: 'sales-dialers',
    ...WEBRTC,
    hosts: ['https://app.vonage.com/*'],
    keepsLineOpen: false,
  },
  // Source: none found
  // Unconfirmed: Nextiva's pages found name www.nextiva.com's customer login and api.nextiva.com only. Searched (pages):
  //   "Nextiva App web browser sign in app.nextiva.com"; "Nextiva firewall requirements domains to allow nextiva.com nextos app";
  //   "nextiva.com/support/articles Nextiva App getting started desktop mobile web log in".
  // (docs): "Nextiva help center Nextiva App web version sign in browser Chrome NextOS".
  // (code): the string "app.nextiva.com" (third parties only).
  // More searched (pages): "NextivaONE web app browser sign in"; "NextivaONE getting started log in on the web desktop mobile";
  //   "Nextiva support article Nextiva App for web browser log in URL"; "nextiva.com support articles Nextiva App web version Chrome
  //   make calls from browser"; "Nextiva App user guide Version 2.0 getting started sign in username password web"; "Logging into NextOS
  //   Nextiva support article login URL" (nextiva.com/support/articles/how-to-change-your-nextos-password.html: "Visit www.nextiva.com,
  //   and click Client Login"). (docs): "Nextiva App web browser"; "developer.nextiva.com Nextiva Contact Center SDK getting started
  //   agent desktop URL". (code): the string "one.nextiva.com" (none); Nextiva's GitHub org (nextiva/kala, krolib, nextkala-java-agent:
  //   Java libraries, no host; Nextiva/ncx-web-sdk has no stored snapshot).
  {
    id: 'nextiva',
    label: 'Nextiva',
    group: 'sales-dialers',
    ...WEBRTC,
    hosts: ['https://app.nextiva.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://docs.aws.amazon.com/connect/latest/adminguide/upgrade-ccp-streams-api.html (CCP at /ccp-v2)
  {
    id: 'amazon-connect',
    label: 'Amazon Connect CCP',
    group: 'contact-centres',
    ...WEBRTC,
    hosts: ['https://*.my.connect.aws/*', 'https://*.awsapps.com/connect/*'],
    keepsLineOpen: false,
  },
  // Source: https://app.unpkg.com/purecloud-platform-client-v2@223.0.0/files/src/purecloud-platform-client-v2/PureCloudRegionHosts.js
  // (the region domains; the agent app is apps.<region domain>)
  {
    id: 'genesys-cloud',
    label: 'Genesys Cloud',
    group: 'contact-centres',
    ...WEBRTC,
    hosts: [
      'https://apps.mypurecloud.com/*',
      'https://apps.mypurecloud.ie/*',
      'https://apps.mypurecloud.com.au/*',
      'https://apps.mypurecloud.jp/*',
      'https://apps.mypurecloud.de/*',
      'https://apps.usw2.pure.cloud/*',
      'https://apps.cac1.pure.cloud/*',
      'https://apps.apne2.pure.cloud/*',
      'https://apps.euw2.pure.cloud/*',
      'https://apps.aps1.pure.cloud/*',
      'https://apps.sae1.pure.cloud/*',
      'https://apps.mec1.pure.cloud/*',
      'https://apps.apne3.pure.cloud/*',
      'https://apps.euc2.pure.cloud/*',
    ],
    keepsLineOpen: false,
  },
  // Source: https://raw.githubusercontent.com/Five9DeveloperProgram/Five9-Agent-Sup-REST-API-Starter-Kit/main/README.md
  {
    id: 'five9',
    label: 'Five9',
    group: 'contact-centres',
    ...WEBRTC,
    hosts: ['https://app.five9.com/*'],
    keepsLineOpen: true,
  },
  // Source: https://support.talkdesk.com/hc/en-us/articles/21596235070235-Conversations-Cross-channel (the agent app in the
  // browser: "[your-account-name].mytalkdesk.com/atlas")
  {
    id: 'talkdesk',
    label: 'Talkdesk',
    group: 'contact-centres',
    ...WEBRTC,
    hosts: ['https://*.mytalkdesk.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://www.twilio.com/docs/flex/admin-guide/setup/secure-iframe
  {
    id: 'twilio-flex',
    label: 'Twilio Flex',
    group: 'contact-centres',
    ...WEBRTC,
    hosts: ['https://flex.twilio.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://github.com/nice-devone/nice-cxone-agent-sdk/blob/main/cxa-sdk-consumer/src/components/cxa-placeholder/CxaPlaceholder.tsx
  // (NICE's agent SDK sample launches CXone Agent from https://cxagent.nicecxone.com). MAX is left out: no NICE page or
  // repository found writes out its host (searched pages and code for "max.niceincontact.com", "max.nicecxone.com").
  {
    id: 'nice-cxone',
    label: 'NICE CXone',
    group: 'contact-centres',
    ...WEBRTC,
    hosts: ['https://cxagent.nicecxone.com/*'],
    keepsLineOpen: true,
  },
  // Source: https://developer.zendesk.com/api-reference/voice/talk-partner-edition-api/reference/
  {
    id: 'zendesk-talk',
    label: 'Zendesk Talk',
    group: 'contact-centres',
    ...WEBRTC,
    hosts: ['https://*.zendesk.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://developers.freshworks.com/tutorials/codelabs/develop-cti-app-for-freshdesk
  {
    id: 'freshcaller',
    label: 'Freshdesk / Freshcaller',
    group: 'contact-centres',
    ...WEBRTC,
    hosts: ['https://*.freshcaller.com/*', 'https://*.freshdesk.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_System_DomainCreator.htm
  // (every org's own My Domain: MyDomainName.lightning.force.com, mycompany.my.salesforce.com)
  {
    id: 'salesforce',
    label: 'Salesforce softphone',
    group: 'crm-calling',
    ...WEBRTC,
    hosts: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://developer.close.com/resources/dialer
  {
    id: 'close',
    label: 'Close',
    group: 'crm-calling',
    ...WEBRTC,
    hosts: ['https://app.close.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://support.pipedrive.com/fi/article/changing-a-company-domain-in-pipedrive
  // (the app at app.pipedrive.com, or the company's own <company>.pipedrive.com; the Finnish edition is the one found)
  {
    id: 'pipedrive',
    label: 'Pipedrive Caller',
    group: 'crm-calling',
    ...WEBRTC,
    hosts: ['https://*.pipedrive.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://support.google.com/a/answer/1279090 (prepare your network for Meet meetings: meet.google.com among the
  // domains Meet needs)
  {
    id: 'google-meet',
    label: 'Google Meet',
    group: 'meetings',
    ...WEBRTC,
    hosts: ['https://meet.google.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://developers.zoom.us/docs/meeting-sdk/web/ (the web client at app.zoom.us and <vanity>.zoom.us/wc/)
  {
    id: 'zoom-meetings',
    label: 'Zoom web client',
    group: 'meetings',
    ...WEBRTC,
    hosts: ['https://app.zoom.us/*', 'https://*.zoom.us/wc/*'],
    keepsLineOpen: false,
  },
  // Source: https://learn.microsoft.com/en-us/microsoftteams/get-clients#web-client
  {
    id: 'teams-work',
    label: 'Microsoft Teams (work)',
    group: 'meetings',
    ...WEBRTC,
    hosts: ['https://teams.microsoft.com/*', 'https://teams.cloud.microsoft/*'],
    keepsLineOpen: false,
  },
  // Source: https://github.com/OfficeDev/microsoft-teams-library-js/blob/main/packages/teams-js/src/artifactsForCDN/validDomains.json
  // (Microsoft's TeamsJS: the hosts Teams runs in, teams.live.com beside teams.microsoft.com)
  {
    id: 'teams-personal',
    label: 'Microsoft Teams (personal)',
    group: 'meetings',
    ...WEBRTC,
    hosts: ['https://teams.live.com/*'],
    keepsLineOpen: false,
  },
  // Source: https://github.com/webex/webex-js-sdk/blob/next/docs/samples/browser-socket/index.html (Webex's SDK sample:
  // "open a Webex web client" at https://web.webex.com/)
  {
    id: 'webex',
    label: 'Webex',
    group: 'meetings',
    ...WEBRTC,
    hosts: ['https://web.webex.com/*'],
    keepsLineOpen: false,
  },
];

/** The widget family whose frame this URL is (its own hosts, or a test fixture standing in for it). */
export function widgetFamilyAt(url: string): DialerFamily | undefined {
  const id = widgetFamilyIdAt(url);
  return id === undefined ? undefined : familyById(id);
}

/**
 * The fixtures standing in for families heard only through their audio, in the test flavours
 * (which grant loopback): the meeting page for a meeting app, the contact centre's softphone frame
 * for a contact centre whose softphone is embedded. Empty in store builds.
 */
const DEMO_AUDIO_PAGES: Readonly<Record<string, readonly string[]>> = __REBOUND_DEMO__
  ? {
      'google-meet': ['http://127.0.0.1/meeting/*'],
      'amazon-connect': ['http://localhost/contact-centre/softphone*'],
    }
  : {};

/** A family's pages: its hosts, plus the fixtures standing in for it in the test flavours. */
export function familyPages(id: string): readonly string[] {
  const audioPages = Object.hasOwn(DEMO_AUDIO_PAGES, id) ? (DEMO_AUDIO_PAGES[id] ?? []) : [];
  return [...(familyById(id)?.hosts ?? []), ...demoPagesOf(id), ...audioPages];
}

/** The family whose app this page is (a frame's URL), host and path, if any. */
export function familyAtPage(url: string): DialerFamily | undefined {
  return DIALERS.find((family) => familyPages(family.id).some((pattern) => matchesPattern(pattern, url)));
}

export function familyById(id: string): DialerFamily | undefined {
  return DIALERS.find((dialer) => dialer.id === id);
}

/**
 * The family whose site this host is, if any (`crm.zendesk.com` → Zendesk Talk). Hosts only:
 * the family's path, if its patterns have one, does not matter for the site as a whole.
 */
export function familyForHost(host: string): DialerFamily | undefined {
  const name = host.toLowerCase().replace(/:\d+$/, '');
  return DIALERS.find((family) =>
    family.hosts.some((pattern) => {
      const patternHost = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';
      if (!patternHost.startsWith('*.')) return patternHost === name;
      const base = patternHost.slice(2);
      return name === base || name.endsWith(`.${base}`);
    }),
  );
}

/**
 * The family a call belongs to: its source when a family's own adapter heard it, otherwise (the
 * WebRTC hook, which every granted site shares) the family whose site it was on.
 */
export function familyOfCall(source: string, host: string): DialerFamily | undefined {
  return familyById(source) ?? (source === 'webrtc' ? familyForHost(host) : undefined);
}
