// The words of each message to a citizen, in their language: the SMS, the Zalo ZNS template's data
// and the e-mail, from an outbox row (src/domain/outbox.ts). The sender (supabase/functions/
// send-messages) runs it on Deno, so it is plain TypeScript with no i18next: both languages sit in
// one table typed by language, so a text missing in one of them does not compile.
//
// SMS: one segment of 160 GSM-7 characters. Vietnamese tone marks are not in GSM-7, and any
// character outside it turns the whole SMS into UCS-2 (70 characters a segment), so the SMS is
// written without marks (as Vietnamese brandname SMS usually is: "Da dat cho" for "Đã đặt chỗ").
// It is built from parts in order of need: what happened, the codes and the stop link always;
// then the day and hours, the link and the place, each only if it still fits. Codes that do not
// fit are counted instead ("+2").
import type { Locale } from '../i18n/config.ts';
import { formatCode } from './booking-code.ts';
import { parseIsoDate } from './dates.ts';
import type { OutboxEvent, OutboxMessage, OutboxPayload } from './outbox.ts';

export const smsLimit = 160;

export interface MessageTexts {
  /** GSM-7 only, at most 160 characters: one SMS segment. */
  sms: string;
  /** The ZNS template's parameters (one template per language, the same parameters for every event). */
  zns: Record<'title' | 'codes' | 'when' | 'place' | 'details' | 'link' | 'stop_link', string>;
  email: { subject: string; text: string };
}

interface Words {
  /** What happened, as a subject line. */
  title: Record<OutboxEvent, string>;
  /** What happened, for the SMS: short, written with marks (they are taken off). */
  smsTitle: Record<OutboxEvent, string>;
  codes: string;
  queueNo: string;
  when: string;
  newWhen: string;
  place: string;
  reason: string;
  link: string;
  stop: string;
  stopSms: string;
  months?: readonly string[];
}

const words: Record<Locale, Words> = {
  vi: {
    title: {
      booking_confirmed: 'Đã đặt chỗ làm căn cước',
      booking_reminder: 'Nhắc lịch: ngày mai bạn đi làm căn cước',
      session_cancelled: 'Buổi làm căn cước bạn đã đặt bị huỷ',
      session_moved: 'Buổi làm căn cước bạn đã đặt được dời lịch',
      session_unpublished: 'Buổi làm căn cước bạn đã đặt tạm dừng',
      home_visit_scheduled: 'Đã hẹn ngày làm căn cước tại nhà',
      home_visit_rescheduled: 'Lịch làm căn cước tại nhà đã thay đổi',
      home_visit_closed: 'Đề nghị làm căn cước tại nhà đã khép lại',
      signup_session_changed: 'Buổi làm căn cước của đơn vị bạn đã thay đổi',
    },
    smsTitle: {
      booking_confirmed: 'CCCD: đã đặt chỗ',
      booking_reminder: 'CCCD: nhắc lịch ngày mai',
      session_cancelled: 'CCCD: buổi đã đặt bị huỷ',
      session_moved: 'CCCD: buổi đã đặt dời lịch',
      session_unpublished: 'CCCD: buổi đã đặt tạm dừng',
      home_visit_scheduled: 'CCCD tại nhà: đã hẹn',
      home_visit_rescheduled: 'CCCD tại nhà: đổi lịch',
      home_visit_closed: 'CCCD tại nhà: đã khép lại',
      signup_session_changed: 'CCCD đơn vị: buổi đã đổi',
    },
    codes: 'Mã',
    queueNo: 'số',
    when: 'Ngày',
    newWhen: 'Lịch mới',
    place: 'Tại',
    reason: 'Lý do',
    link: 'Xem',
    stop: 'Không muốn nhận tin nữa',
    stopSms: 'Ngừng nhận',
  },
  en: {
    title: {
      booking_confirmed: 'Your ID card booking is confirmed',
      booking_reminder: 'Reminder: your ID card appointment is tomorrow',
      session_cancelled: 'Your ID card session was cancelled',
      session_moved: 'Your ID card session was moved',
      session_unpublished: 'Your ID card session was withdrawn',
      home_visit_scheduled: 'Your ID card home visit is scheduled',
      home_visit_rescheduled: 'Your ID card home visit was rescheduled',
      home_visit_closed: 'Your ID card home visit request is closed',
      signup_session_changed: "Your organisation's ID card session changed",
    },
    smsTitle: {
      booking_confirmed: 'ID card: booked',
      booking_reminder: 'ID card: reminder for tomorrow',
      session_cancelled: 'ID card: session cancelled',
      session_moved: 'ID card: session moved',
      session_unpublished: 'ID card: session withdrawn',
      home_visit_scheduled: 'ID card home visit: scheduled',
      home_visit_rescheduled: 'ID card home visit: rescheduled',
      home_visit_closed: 'ID card home visit: closed',
      signup_session_changed: 'ID card: your session changed',
    },
    codes: 'Code',
    queueNo: 'no.',
    when: 'On',
    newWhen: 'Now',
    place: 'At',
    reason: 'Reason',
    link: 'See',
    stop: 'To stop these messages',
    stopSms: 'Stop',
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
};

/** Where the message's stop token is used: the stop page of the site, in the person's language. */
export function stopLink(siteUrl: string, lang: Locale, token: string): string {
  return `${siteUrl}/${lang}/messages/stop/#t=${token}`;
}

// GSM 03.38's basic character set, less the letters with accents that Vietnamese does not use
// the way GSM means them (they would read oddly): a character outside it would make the SMS UCS-2.
const gsm7 = new Set("@£$¥\n\r !\"#%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

/** Vietnamese without tone marks or letter marks (đ → d), and anything else outside GSM-7 as '?'. */
export function toGsm7(text: string): string {
  const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  return Array.from(plain, (char) => (gsm7.has(char) ? char : '?')).join('');
}

function day(lang: Locale, iso: string, withYear: boolean): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  const months = words[lang].months;
  if (months) return `${date.day} ${months[date.month - 1]}${withYear ? ` ${date.year}` : ''}`;
  const dd = String(date.day).padStart(2, '0');
  const mm = String(date.month).padStart(2, '0');
  return withYear ? `${dd}/${mm}/${date.year}` : `${dd}/${mm}`;
}

function when(lang: Locale, date: string | undefined, starts: string | undefined, ends: string | undefined, withYear: boolean): string | null {
  if (!date) return null;
  const hours = starts && ends ? ` ${starts}-${ends}` : starts ? ` ${starts}` : '';
  return `${day(lang, date, withYear)}${hours}`;
}

/** Each person's code and queue number when the payload has them, else the codes as written. */
function codeList(lang: Locale, payload: OutboxPayload): string[] {
  if (payload.booked) return payload.booked.map((b) => `${formatCode(b.code)} (${words[lang].queueNo} ${b.queue_no})`);
  return payload.codes;
}

/** The parts joined with '. ', the optional ones added in order while the whole fits. */
function fitSms(required: { head: string; codes: string[]; tail: string }, optional: Array<string | null>): string {
  const join = (parts: string[]) => toGsm7(parts.filter(Boolean).join('. '));
  // As many codes as fit with the head and tail, the rest counted.
  let shown = required.codes.length;
  const codesText = (count: number) =>
    required.codes.slice(0, count).join(', ') + (count < required.codes.length ? ` +${required.codes.length - count}` : '');
  while (shown > 1 && join([required.head, codesText(shown), required.tail]).length > smsLimit) shown--;
  const chosen: string[] = [];
  for (const part of optional) {
    if (part && join([required.head, codesText(shown), ...chosen, part, required.tail]).length <= smsLimit) chosen.push(part);
  }
  return join([required.head, codesText(shown), ...chosen, required.tail]);
}

export function messageTexts(message: OutboxMessage, siteUrl: string): MessageTexts {
  const { lang, event, payload } = message;
  const w = words[lang];
  const link = `${siteUrl}${payload.link}`;
  const stop = stopLink(siteUrl, lang, message.stop_token);
  const codes = codeList(lang, payload);
  const was = when(lang, payload.date, payload.starts, payload.ends, true);
  const now = when(lang, payload.new_date, payload.new_starts, payload.new_ends, true);
  const place = payload.place ? `${payload.place.name}, ${payload.place.address}` : null;
  const reason = payload.reason ?? null;

  const sms = fitSms(
    { head: w.smsTitle[event], codes: payload.codes, tail: `${w.stopSms}: ${stop}` },
    [
      now ? `${w.newWhen} ${when(lang, payload.new_date, payload.new_starts, payload.new_ends, false)}` : null,
      was ? `${w.when} ${when(lang, payload.date, payload.starts, payload.ends, false)}` : null,
      link,
      payload.place ? payload.place.name : null,
    ],
  );

  const details = [now && `${w.newWhen}: ${now}`, reason && `${w.reason}: ${reason}`].filter((line): line is string => Boolean(line));
  const lines = [
    w.title[event],
    `${w.codes}: ${codes.join(', ')}`,
    ...(was ? [`${w.when}: ${was}`] : []),
    ...(place ? [`${w.place}: ${place}`] : []),
    ...details,
    `${w.link}: ${link}`,
    '',
    `${w.stop}: ${stop}`,
  ];
  return {
    sms,
    zns: {
      title: w.title[event],
      codes: codes.join(', '),
      when: was ?? '',
      place: place ?? '',
      details: details.join('. '),
      link,
      stop_link: stop,
    },
    email: { subject: w.title[event], text: `${lines.join('\n')}\n` },
  };
}
