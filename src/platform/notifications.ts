import type { Notifications } from 'webextension-polyfill';
import { browser } from './browser';

/** Firefox has no notification buttons (and rejects the option); it is the browser with getBrowserInfo. */
export function notificationButtonsSupported(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== 'function';
}

export interface NotificationContent {
  title: string;
  message: string;
  /** Shown only where the browser supports them (Chrome). */
  buttons: string[];
}

export async function createNotification(id: string, content: NotificationContent): Promise<void> {
  const options: Notifications.CreateNotificationOptions & { buttons?: { title: string }[] } = {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: content.title,
    message: content.message,
  };
  if (notificationButtonsSupported()) options.buttons = content.buttons.map((title) => ({ title }));
  await browser.notifications.create(id, options);
}
