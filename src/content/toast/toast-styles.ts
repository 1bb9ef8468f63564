/**
 * The toast's own styles, inside a closed shadow root: the page's CSS cannot reach in, and
 * ours cannot leak out. `all: initial` on the host and root drops inherited page styles.
 */
export const TOAST_CSS = `
:host { all: initial; }
.toast {
  all: initial;
  box-sizing: border-box;
  display: block;
  position: relative;
  width: 320px;
  max-width: calc(100vw - 32px);
  padding: 14px 16px 12px;
  border-radius: 12px;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328;
  background: #ffffff;
  border: 1px solid #d8dee4;
  box-shadow: 0 8px 24px rgba(31, 35, 40, 0.18);
  animation: rebound-in 160ms ease-out;
}
.toast * { box-sizing: border-box; font: inherit; color: inherit; }
@keyframes rebound-in { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .toast { animation: none; } }
.title { display: block; margin: 0 28px 2px 0; font-weight: 600; font-size: 15px; }
.meta { display: block; margin: 0 0 10px; color: #59636e; font-size: 12px; }
.row { display: flex; gap: 6px; margin: 0 0 10px; padding: 0; border: 0; min-inline-size: 0; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
button {
  all: initial;
  box-sizing: border-box;
  cursor: pointer;
  font: 500 13px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328;
  padding: 8px 10px;
  border-radius: 8px;
  border: 1px solid #d0d7de;
  background: #f6f8fa;
  text-align: center;
}
.row button { flex: 1; }
button:hover { background: #eef1f4; }
button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
button[aria-pressed="true"] { background: #ddf4ff; border-color: #0969da; }
.primary { display: block; flex: 1; background: #1f6f50; border-color: #1f6f50; color: #ffffff; }
.secondary { flex: 1; }
/* Longer words (German, French) wrap a choice to the next line rather than squeezing the label. */
.snooze { align-items: center; flex-wrap: wrap; row-gap: 6px; margin: 0; }
.snooze-label { float: left; padding: 0 4px 0 0; font-size: 12px; color: #59636e; white-space: nowrap; }
.small { padding: 5px 8px; font-size: 12px; border-radius: 6px; }
.snooze .small { flex: 0 0 auto; }
a { color: #0969da; text-decoration: underline; cursor: pointer; }
a:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; border-radius: 2px; }
strong { font-weight: 600; }
.escalation { display: block; margin: 0 0 10px; padding: 8px 10px; border-radius: 8px; background: #fff8c5; border: 1px solid #d4a72c; }
.escalation p { display: block; margin: 0 0 4px; font-size: 13px; }
.escalation p:last-child { margin: 0; }
.escalation-lead { font-weight: 600; }
.escalation .primary { width: 100%; margin: 6px 0 0; }
.breath { display: flex; align-items: center; gap: 12px; margin: 0 0 10px; }
.breath-ring { position: relative; display: grid; place-items: center; width: 56px; height: 56px; flex: 0 0 56px; }
.breath-circle {
  position: absolute; inset: 0; border-radius: 50%; background: #8fd3b6; opacity: 0.6;
  animation: rebound-breath 5s ease-in-out 1 both;
}
.breath-count { position: relative; font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
.cue { display: block; margin: 0; font-size: 15px; font-weight: 600; }
@keyframes rebound-breath { 0% { transform: scale(0.45); } 50% { transform: scale(1); } 100% { transform: scale(0.45); } }
@media (prefers-reduced-motion: reduce) { .breath-circle { animation: none; transform: scale(0.8); opacity: 0.3; } }
.primary:hover { background: #195c42; }
.close {
  position: absolute; top: 8px; right: 8px; width: 28px; height: 28px; padding: 0;
  border: none; background: transparent; font-size: 18px; line-height: 28px; color: #59636e;
}
.note { display: block; margin: 0 0 10px; font-size: 13px; }
.error { color: #b42318; }
:host([dir="rtl"]) .close { right: auto; left: 8px; }
:host([dir="rtl"]) .title { margin: 0 0 2px 28px; }
:host([dir="rtl"]) .snooze-label { float: right; padding: 0 0 0 4px; }
@media (prefers-color-scheme: dark) {
  .toast { color: #e6edf3; background: #1c2128; border-color: #3d444d; box-shadow: 0 8px 24px rgba(0, 0, 0, 0.5); }
  .meta, .close { color: #9198a1; }
  button { color: #e6edf3; background: #262c36; border-color: #3d444d; }
  button:hover { background: #2f3742; }
  button[aria-pressed="true"] { background: #12304f; border-color: #4493f8; }
  button:focus-visible { outline-color: #4493f8; }
  .primary { background: #2f8f68; border-color: #2f8f68; color: #0d1117; }
  .primary:hover { background: #37a377; }
  .error { color: #ff7b72; }
  .snooze-label { color: #9198a1; }
  a { color: #4493f8; }
  a:focus-visible { outline-color: #4493f8; }
  .escalation { background: #2e2a1b; border-color: #9e6a03; }
  .breath-circle { background: #2f8f68; }
}
`;
