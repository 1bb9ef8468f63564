import { h, render } from 'preact';
import { browser } from '../../platform/browser';
import { Toast, type ToastContent } from './Toast';
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
  // The top layer (popover) ignores z-index; these undo the browser's own popover styles.
  top: 'auto',
  'inset-inline-start': 'auto',
  width: 'auto',
  height: 'auto',
  overflow: 'visible',
  background: 'transparent',
  'pointer-events': 'auto',
};

let dismissCurrent: (() => void) | undefined;

/**
 * Our locale's direction, read once as the toast loads (when a call starts in the tab): the first
 * i18n read in a page loads the extension's messages, 5 ms that were spent between the nudge
 * arriving and the toast showing.
 */
const TOAST_DIR = browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';

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
 * Above everything the page stacks, whatever its z-index: the top layer. A manual popover takes
 * no focus and closes on nothing but us. Browsers without popovers keep the max z-index.
 */
function raiseToTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  host.setAttribute('popover', 'manual');
  try {
    host.showPopover();
  } catch {
    host.removeAttribute('popover');
  }
}

/**
 * Shows the nudge (or, without one, the quick-reset breath) in a closed shadow root on top of
 * the page. It never takes focus, floats over the page without moving it, hides itself after
 * `hideAfterMs` (not while pointer or focus are on it, nor during a breath), and replaces any
 * nudge still showing.
 */
export function showToast(content: ToastContent, hideAfterMs: number): void {
  dismissCurrent?.();
  const host = document.createElement(HOST_TAG);
  // `all` leaves direction alone, so an RTL page would flip the toast: it follows our locale.
  for (const [property, value] of Object.entries({ ...HOST_STYLE, direction: TOAST_DIR })) {
    host.style.setProperty(property, value, 'important');
  }
  host.setAttribute('dir', TOAST_DIR);
  const root = host.attachShadow({ mode: 'closed' });
  styleShadow(root);
  const container = document.createElement('div');
  root.append(container);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let hovered = false;
  let focused = false;
  let busy = false;
  const dismiss = () => {
    clearTimeout(timer);
    render(null, container);
    host.remove();
    if (dismissCurrent === dismiss) dismissCurrent = undefined;
  };
  const schedule = () => {
    clearTimeout(timer);
    if (!hovered && !focused && !busy) timer = setTimeout(dismiss, hideAfterMs);
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
  raiseToTopLayer(host);
  const onBusy = (value: boolean) => {
    busy = value;
    schedule();
  };
  render(h(Toast, { ...content, onClose: dismiss, onBusy }), container);
  schedule();
}
