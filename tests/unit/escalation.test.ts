import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { escalationSchema, supportContactOf } from '../../src/messages/escalation';

describe('supportContactOf', () => {
  it.each([
    ['', undefined],
    ['   ', undefined],
    ['Maria (team lead)', { label: 'Maria (team lead)' }],
    ['https://chat.example/maria', { label: 'https://chat.example/maria', href: 'https://chat.example/maria' }],
    ['mailto:maria@acme.example', { label: 'maria@acme.example', href: 'mailto:maria@acme.example' }],
    ['maria@acme.example', { label: 'maria@acme.example', href: 'mailto:maria@acme.example' }],
    ['tel:+13125550100', { label: '+13125550100', href: 'tel:+13125550100' }],
    ['javascript:alert(1)', { label: 'javascript:alert(1)' }],
    ['data:text/html,hi', { label: 'data:text/html,hi' }],
  ])('%j', (typed, expected) => {
    expect(supportContactOf(typed)).toEqual(expected);
  });

  it('what it makes always passes the schema the content script checks', () => {
    for (const typed of ['Maria', 'https://chat.example/m', 'a@b.example', 'tel:+1555', 'x'.repeat(500)]) {
      const contact = supportContactOf(typed);
      expect(v.safeParse(escalationSchema, { streak: 3, contact }).success).toBe(true);
    }
  });

  it('the schema refuses a link that could run code', () => {
    const contact = { label: 'x', href: 'javascript:alert(1)' };
    expect(v.safeParse(escalationSchema, { streak: 3, contact }).success).toBe(false);
  });
});
