import * as v from 'valibot';

/** Links a support contact may be: a web page, an email, a phone number. Nothing that runs code. */
export const SUPPORT_LINK = /^(https?:\/\/|mailto:|tel:)[^\s]+$/i;

/** What the nudge shows after a run of tough calls: a longer break and who to reach out to. */
export const escalationSchema = v.strictObject({
  streak: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  contact: v.optional(
    v.strictObject({
      label: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
      href: v.optional(v.pipe(v.string(), v.maxLength(300), v.regex(SUPPORT_LINK))),
    }),
  ),
});
export type Escalation = v.InferOutput<typeof escalationSchema>;

export const rateReplySchema = v.object({ ok: v.literal(true), escalation: v.optional(escalationSchema) });

/** The rep's support contact as typed in Options: a link when it is one, otherwise a name. */
export function supportContactOf(typed: string): Escalation['contact'] {
  const text = typed.trim().slice(0, 200);
  if (!text) return undefined;
  if (SUPPORT_LINK.test(text) && text.length <= 300) {
    try {
      const url = new URL(text);
      const label = url.protocol === 'mailto:' || url.protocol === 'tel:' ? decodeURIComponent(url.pathname) : text;
      return { label: label || text, href: url.href };
    } catch {
      return { label: text };
    }
  }
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { label: text, href: `mailto:${text}` };
  return { label: text };
}
