import type { Runtime } from 'webextension-polyfill';
import { familyAtPage } from '../dialers/catalog';

/**
 * The catalog family whose app a content script's frame is on, from the browser's own account of
 * the frame (never the message). A frame with no address of its own (about:blank, srcdoc, where
 * the WebRTC hook also runs) belongs to the page that made it: its origin where the browser says
 * it, else the tab's page.
 */
export function familyOfFrame(sender: Runtime.MessageSender & { origin?: string }): string | undefined {
  const origin = sender.origin === undefined ? undefined : `${sender.origin}/`;
  const page = webAddress(sender.url) ?? webAddress(origin) ?? webAddress(sender.tab?.url);
  return page === undefined ? undefined : familyAtPage(page)?.id;
}

function webAddress(url: string | undefined): string | undefined {
  return url?.startsWith('https://') || url?.startsWith('http://') ? url : undefined;
}
