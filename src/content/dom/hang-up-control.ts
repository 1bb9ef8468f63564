import { isVisible } from './watch-dom';

const HANG_UP_NAME = /^(end call|hang ?up|hangup)$/i;
const CONTROLS = 'button, [role="button"], input[type="button"], input[type="submit"]';
const MAX_NAME_LENGTH = 40;

/**
 * The accessible name, as far as a hang-up control needs it: aria-label, then the text of
 * aria-labelledby, then the value of an input, then its own text, then its title.
 */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label?.trim()) return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
    if (text) return text;
  }
  if (element.tagName === 'INPUT') return (element as HTMLInputElement).value.trim();
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text || (element.getAttribute('title') ?? '').trim();
}

/** True while this document shows a control named End Call / Hang Up / Hangup. */
export function hasVisibleHangUpControl(doc: Document): boolean {
  for (const element of doc.querySelectorAll(CONTROLS)) {
    const name = accessibleName(element);
    if (name.length <= MAX_NAME_LENGTH && HANG_UP_NAME.test(name) && isVisible(element)) return true;
  }
  return false;
}
