import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { foldLine, visitCalendarFile, type CalendarTexts } from '../../src/domain/calendar.ts';
import type { BookedPerson } from '../../src/domain/booking-view.ts';
import { manageLinkHash, parseManageLinkHash } from '../../src/domain/manage-link.ts';

const person = (code: string, name: string, queue: number, status: BookedPerson['status'] = 'confirmed'): BookedPerson => ({
  code,
  queue_no: queue,
  status,
  full_name: name,
  application_kind: 'conversion',
  organisation: null,
  shift: { id: 4, starts_at: '2026-11-24T10:00:00+00:00', ends_at: '2026-11-24T15:00:00+00:00' },
  session: { id: 2, date: '2026-11-24', cancelled_at: null, cancel_reason: null, demonstration: false },
  site: {
    id: 1,
    name: 'Nhà văn hóa tổ dân phố 5, phường Phú Hội, thành phố Huế, tỉnh Thừa Thiên Huế',
    kind: 'police_station',
    address: 'Số 9 Nguyễn Công Trứ',
    access_notes: null,
    lat: 16.46,
    lng: 107.59,
  },
});

const token = 'Q2hvY29sYXRlLWNha2UtaXMtYS1saWUtYnV0LWl0LWlzLWdvb2Q';
const texts: CalendarTexts = {
  title: 'Làm căn cước – Nhà văn hóa tổ dân phố 5, phường Phú Hội, thành phố Huế',
  person: (code, queue) => `Mã đặt chỗ ${code}, số thứ tự ${queue}`,
  lines: ['Đến đúng ca, mang theo CMND cũ (nếu có) và mã đặt chỗ.'],
  bookingUrl: 'https://example.vn/vi/booking/',
};
const family = [person('K7M29QX4T', 'Nguyễn Văn An', 12), person('ABCD1234A', 'Trần Thị Bình', 13), person('7KQ2MX4RK', 'Lê Văn Cường', 14, 'cancelled')];

/** The event of the file as a calendar application reads it. */
async function readEvent(visit: BookedPerson[]) {
  const ics = await visitCalendarFile(visit, texts);
  const calendar = ICAL.Component.fromString(ics);
  const component = calendar.getFirstSubcomponent('vevent')!;
  return { ics, component, event: new ICAL.Event(component) };
}

describe('the calendar file of a visit', () => {
  test('a calendar parser reads the shift in UTC, the place, each code with its queue number and the booking page', async () => {
    const { component, event } = await readEvent(family);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-24T15:00:00.000Z');
    expect(event.summary).toBe(texts.title);
    expect(event.location).toBe(`${family[0]!.site.name}, Số 9 Nguyễn Công Trứ`);
    expect(event.description.split('\n')).toEqual([
      'Mã đặt chỗ K7M2-9QX4T, số thứ tự 12',
      'Mã đặt chỗ ABCD-1234A, số thứ tự 13',
      '',
      texts.lines[0],
      '',
      'https://example.vn/vi/booking/',
    ]);
    expect(component.getFirstPropertyValue('url')).toBe('https://example.vn/vi/booking/');
    expect(component.getFirstSubcomponent('valarm')).not.toBeNull();
  });

  test('carries no token and nobody’s name, even when the page holds the private link', async () => {
    const { ics } = await readEvent(family);
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).not.toContain(token);
    expect(unfolded).not.toContain('t=');
    for (const someone of family) expect(unfolded).not.toContain(someone.full_name!);
    // A cancelled person's code is not part of the visit.
    expect(unfolded).not.toContain('7KQ2-MX4RK');
  });

  test('folds every line to at most 75 octets, and the parser reads the long Vietnamese lines back whole', async () => {
    const { ics, event } = await readEvent(family);
    const lines = ics.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(event.summary).toBe(texts.title);
  });
});

describe('folding a content line', () => {
  test('splits at 75 octets, then 74 after the leading space, never inside a character', () => {
    const line = `SUMMARY:${'ễ'.repeat(60)}`;
    const folded = foldLine(line).split('\r\n');
    // 'ễ' is three octets: 8 + 3 × 22 = 74 on the first line, 1 + 3 × 24 = 73 on the next, the last 14 after its space.
    expect(folded.map((part) => new TextEncoder().encode(part).length)).toEqual([74, 73, 43]);
    expect(folded.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.map((part, index) => (index ? part.slice(1) : part)).join('')).toBe(line);
  });

  test('leaves a short line as it is', () => {
    expect(foldLine('DTSTART:20261124T100000Z')).toBe('DTSTART:20261124T100000Z');
  });
});

describe('the private link of a booking', () => {
  test('carries the code and token in the fragment and reads them back', () => {
    const link = { code: 'K7M29QX4T', token: 'a'.repeat(43) };
    expect(manageLinkHash(link)).toBe(`#code=K7M29QX4T&t=${'a'.repeat(43)}`);
    expect(parseManageLinkHash(manageLinkHash(link))).toEqual(link);
  });

  test('ignores a fragment without a proper token', () => {
    expect(parseManageLinkHash('#code=K7M29QX4T&t=short')).toBeNull();
    expect(parseManageLinkHash('')).toBeNull();
  });
});
