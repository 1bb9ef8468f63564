import { h, render } from 'preact';
import type { Nudge } from '../../messages/to-content';
import { browser } from '../../platform/browser';
import { Toast, type ToastActions } from './Toast';
import { TOAST_CSS } from './toast-styles';

const HOST_TAG = 'rebound-toast';
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  bottom: '16px',
  'inset-inline-end': '16px',
  'z-index': '2147483647',
  display: 'block',
  margin: '0',
  padding: '0',
  border: '0',
  transform: 'none',
  filter: 'none',
  opacity: '1',
  visibility: 'visible',
};

let dismissCurrent: (() => void) | undefined;

function styleShadow(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(TOAST_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Constructable sheets are missing in some content-script worlds; a <style> works there.
    const style = document.createElement('style');
    style.textContent = TOAST_CSS;
    root.append(style);
  }
}

/**
 * Shows the nudge in a closed shadow root on top of the page. It never takes focus, floats over
 * the page without moving it, hides itself after `hideAfterMs` (not while pointer or focus are
 * on it), and replaces any nudge still showing.
 */
export function showToast(nudge: Nudge, actions: ToastActions): void {
  dismissCurrent?.();
  const host = document.createElement(HOST_TAG);
  for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
  host.setAttribute('dir', browser.i18n.getMessage('@@bidi_dir') || 'ltr');
  const root = host.attachShadow({ mode: 'closed' });
  styleShadow(root);
  const container = document.createElement('div');
  root.append(container);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let hovered = false;
  let focused = false;
  const dismiss = () => {
    clearTimeout(timer);
    render(null, container);
    host.remove();
    if (dismissCurrent === dismiss) dismissCurrent = undefined;
  };
  const schedule = () => {
    clearTimeout(timer);
    if (!hovered && !focused) timer = setTimeout(dismiss, nudge.hideAfterMs);
  };
  host.addEventListener('pointerenter', () => {
    hovered = true;
    schedule();
  });
  host.addEventListener('pointerleave', () => {
    hovered = false;
    schedule();
  });
  host.addEventListener('focusin', () => {
    focused = true;
    schedule();
  });
  host.addEventListener('focusout', () => {
    focused = false;
    schedule();
  });

  dismissCurrent = dismiss;
  // On <html>, not <body>: pages that replace their body would take the toast with it.
  document.documentElement.append(host);
  render(h(Toast, { nudge, actions, onClose: dismiss }), container);
  schedule();
}
