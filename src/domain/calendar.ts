// The calendar file of a visit: one event for the shift, at the site, with the booking codes,
// what to bring and the link to manage the booking. Built with the `ics` package.
import type { EventAttributes } from 'ics';
import { formatCode } from './booking-code.ts';
import type { BookedPerson } from './booking-view.ts';

export interface CalendarTexts {
  title: string;
  /** Lines of the description: codes come first, then these. */
  lines: string[];
  manageUrl: string;
}

function utcParts(iso: string): [number, number, number, number, number] {
  const date = new Date(iso);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
}

/** The event of one visit (the people booked into the same shift). */
export function visitEvent(visit: BookedPerson[], texts: CalendarTexts): EventAttributes {
  const first = visit[0]!;
  const codes = visit.map((person) => `${formatCode(person.code)} – ${person.full_name ?? ''} (${person.queue_no})`);
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
    description: [...codes, '', ...texts.lines, '', texts.manageUrl].join('\n'),
    url: texts.manageUrl,
    alarms: [{ action: 'display', description: texts.title, trigger: { hours: 12, before: true } }],
  };
}

/** The .ics text of a visit; `ics` is loaded only when a person asks for the file. */
export async function visitCalendarFile(visit: BookedPerson[], texts: CalendarTexts): Promise<string> {
  const { createEvent } = await import('ics');
  const { error, value } = createEvent(visitEvent(visit, texts));
  if (error || !value) throw error ?? new Error('no calendar file');
  return value;
}
