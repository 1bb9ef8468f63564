import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsCalendar } from '../../../src/follow-ups/ics';
import { followUpIcs } from '../../../src/follow-ups/ics-download';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('ics', () => {
  it('escapes TEXT values (RFC 5545 3.3.11)', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds lines at 75 octets without splitting a character', () => {
    const long = `SUMMARY:${'ñ'.repeat(60)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true);
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(long);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes a calendar with one event: CRLF, UID, DTSTAMP, UTC start, an alarm', () => {
    const ics = icsCalendar({
      uid: 'follow-up-1@rebound.invalid',
      stamp: Date.UTC(2026, 10, 25, 8, 0, 0),
      start: Date.UTC(2026, 10, 26, 15, 30, 0),
      durationMinutes: 15,
      summary: 'Follow up: Dana, Acme',
      description: 'Closure call; either way',
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Rebound//Follow-ups//EN',
      'CALSCALE:GREGORIAN',
      'BEGIN:VEVENT',
    ]);
    expect(lines).toContain('UID:follow-up-1@rebound.invalid');
    expect(lines).toContain('DTSTAMP:20261125T080000Z');
    expect(lines).toContain('DTSTART:20261126T153000Z');
    expect(lines).toContain('DURATION:PT15M');
    expect(lines).toContain('SUMMARY:Follow up: Dana\\, Acme');
    expect(lines).toContain('DESCRIPTION:Closure call\\; either way');
    expect(lines.filter((line) => line.startsWith('BEGIN:')).length).toBe(
      lines.filter((line) => line.startsWith('END:')).length,
    );
  });

  it('names the follow-up in the event', () => {
    const ics = followUpIcs(
      { id: 3, who: 'Lee', dueAt: Date.UTC(2026, 0, 2, 9), note: 'Pricing' },
      Date.UTC(2026, 0, 1),
    );
    expect(ics).toContain('SUMMARY:Follow up: Lee\r\n');
    expect(ics).toContain('DESCRIPTION:Pricing\r\n');
    expect(ics).toContain('UID:follow-up-3-');
  });
});
