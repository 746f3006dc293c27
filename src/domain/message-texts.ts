// The words of each message to a citizen, in their language: the SMS, the Zalo ZNS template's data
// and the e-mail, from an outbox row (src/domain/outbox.ts). The sender (supabase/functions/
// send-messages) runs it on Deno, so it is plain TypeScript with no i18next: both languages sit in
// one table typed by language, so a text missing in one of them does not compile.
//
// SMS: one segment of 160 GSM-7 characters. Vietnamese tone marks are not in GSM-7, and any
// character outside it turns the whole SMS into UCS-2 (70 characters a segment), so the SMS is
// written without marks (as Vietnamese brandname SMS usually is: "Da dat cho" for "Đã đặt chỗ").
// It is built from parts in order of need: what happened, the first code and the stop link
// always; then the new day and hours, the day, the other codes, the reason, the link and the place,
// each only if it still fits. Codes that do not fit are counted instead ("+2"). What always goes
// is about 100 characters plus the site's address: an address up to 50 characters keeps
// every SMS in one segment (tests/unit/message-texts.test.ts).
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
      booking_reminder: 'CCCD: nhắc lịch mai',
      session_cancelled: 'CCCD: buổi bị huỷ',
      session_moved: 'CCCD: dời lịch',
      session_unpublished: 'CCCD: buổi tạm dừng',
      home_visit_scheduled: 'CCCD tại nhà: đã hẹn',
      home_visit_rescheduled: 'CCCD tại nhà: đổi lịch',
      home_visit_closed: 'CCCD tại nhà: đã khép lại',
      signup_session_changed: 'CCCD: buổi đơn vị đổi',
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
      booking_reminder: 'ID card: tomorrow',
      session_cancelled: 'ID card: cancelled',
      session_moved: 'ID card: moved',
      session_unpublished: 'ID card: withdrawn',
      home_visit_scheduled: 'ID card at home: set',
      home_visit_rescheduled: 'ID card at home: moved',
      home_visit_closed: 'ID card at home: closed',
      signup_session_changed: 'ID card: group moved',
    },
    codes: 'Code',
    queueNo: 'no.',
    when: 'On',
    newWhen: 'New date',
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

/** A step of the SMS: an optional part (null: the message has none), or room for more of the codes. */
const moreCodes = Symbol('more codes');
type SmsStep = string | null | typeof moreCodes;

/**
 * The head, the first code (the others counted) and the tail always; then each step in order while
 * the whole still fits: an optional part, or as many more codes as fit.
 */
function fitSms(head: string, codes: string[], tail: string, steps: SmsStep[]): string {
  let shown = Math.min(1, codes.length);
  const chosen: string[] = [];
  const render = (count: number, parts: string[]) => {
    const list = codes.slice(0, count).join(', ') + (count < codes.length ? ` +${codes.length - count}` : '');
    return toGsm7([head, list, ...parts, tail].filter(Boolean).join('. '));
  };
  for (const step of steps) {
    if (step === moreCodes) {
      while (shown < codes.length && render(shown + 1, chosen).length <= smsLimit) shown++;
    } else if (step && render(shown, [...chosen, step]).length <= smsLimit) chosen.push(step);
  }
  return render(shown, chosen);
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

  const sms = fitSms(w.smsTitle[event], payload.codes, `${w.stopSms}: ${stop}`, [
    now ? `${w.newWhen} ${when(lang, payload.new_date, payload.new_starts, payload.new_ends, false)}` : null,
    was ? `${w.when} ${when(lang, payload.date, payload.starts, payload.ends, false)}` : null,
    moreCodes,
    reason ? `${w.reason}: ${reason}` : null,
    link,
    payload.place ? payload.place.name : null,
  ]);

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
