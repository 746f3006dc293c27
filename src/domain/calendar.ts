// The calendar file of a visit: one event for the shift, at the site, with the booking codes and
// queue numbers, what to bring and the booking page's address. A calendar is often shared with
// family or colleagues, so the file carries no secret (no manage token: the link is the page alone)
// and no person's name. Built with the `ics` package, whose lines are then folded as RFC 5545 says.
import type { EventAttributes } from 'ics';
import { formatCode } from './booking-code.ts';
import type { BookedPerson } from './booking-view.ts';

export interface CalendarTexts {
  title: string;
  /** A person's line of the description, from their code and queue number (never their name). */
  person: (code: string, queueNo: number) => string;
  /** Lines of the description after the people's. */
  lines: string[];
  /** The booking page, without code or token. */
  bookingUrl: string;
}

function utcParts(iso: string): [number, number, number, number, number] {
  const date = new Date(iso);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
}

/** The event of one visit (the people booked into the same shift); those cancelled are left out. */
export function visitEvent(visit: BookedPerson[], texts: CalendarTexts): EventAttributes {
  const first = visit[0]!;
  const people = visit.filter((person) => person.status === 'confirmed').map((person) => texts.person(formatCode(person.code), person.queue_no));
  return {
    uid: `${first.code}@cccd-campaign`,
    title: texts.title,
    start: utcParts(first.shift.starts_at),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(first.shift.ends_at),
    endInputType: 'utc',
    endOutputType: 'utc',
    location: `${first.site.name}, ${first.site.address}`,
    geo: { lat: first.site.lat, lon: first.site.lng },
    description: [...people, '', ...texts.lines, '', texts.bookingUrl].join('\n'),
    url: texts.bookingUrl,
    alarms: [{ action: 'display', description: texts.title, trigger: { hours: 12, before: true } }],
  };
}

const utf8 = new TextEncoder();

/**
 * One content line folded as RFC 5545 (3.1) asks: no line longer than 75 octets, each
 * continuation starting with a space, and never inside a UTF-8 character (Vietnamese letters take
 * two or three octets, so counting characters, as `ics` does, makes lines far too long).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8.encode(char).length;
    // The first line holds 75 octets; a continuation 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(part);
      part = '';
      octets = 0;
    }
    part += char;
    octets += size;
  }
  return [...parts, part].join('\r\n ');
}

/** A calendar file with every line unfolded, then folded again by octets. */
export function foldLines(ics: string): string {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map(foldLine)
    .join('\r\n');
}

/** The .ics text of a visit; `ics` is loaded only when a person asks for the file. */
export async function visitCalendarFile(visit: BookedPerson[], texts: CalendarTexts): Promise<string> {
  const { createEvent } = await import('ics');
  const { error, value } = createEvent(visitEvent(visit, texts));
  if (error || !value) throw error ?? new Error('no calendar file');
  return foldLines(value);
}
