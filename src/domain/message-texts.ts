// The words of each message to a citizen, in their language: the SMS, the Zalo ZNS template's data
// and the e-mail, from an outbox row (src/domain/outbox.ts). The words are the i18next `messages`
// namespace (src/i18n/locales/{vi,en}/messages.json); the sender (supabase/functions/
// send-messages) runs this on Deno, so it loads only that namespace's files (imported as JSON, as
// Deno requires) into its own i18next instance, not src/i18n's resources and schemas.
//
// SMS: one segment of 160 GSM-7 characters. Vietnamese tone marks are not in GSM-7, and any
// character outside it turns the whole SMS into UCS-2 (70 characters a segment), so the SMS is
// written without marks (as Vietnamese brandname SMS usually is: "Da dat cho" for "Đã đặt chỗ").
// It is built from parts in order of need: what happened, the first code and the stop link
// always; then the new day and hours, the day, the other codes, the reason, the link and the place,
// each only if it still fits. Codes that do not fit are counted instead ("+2"). What always goes
// is about 100 characters plus the site's address: an address up to 50 characters keeps
// every SMS in one segment (tests/unit/message-texts.test.ts).
import i18next, { type TFunction } from 'i18next';
import type { Locale } from '../i18n/config.ts';
import en from '../i18n/locales/en/messages.json' with { type: 'json' };
import vi from '../i18n/locales/vi/messages.json' with { type: 'json' };
import { formatCode } from './booking-code.ts';
import { parseIsoDate } from './dates.ts';
import type { OutboxMessage, OutboxPayload } from './outbox.ts';

export const smsLimit = 160;

export interface MessageTexts {
  /** GSM-7 only, at most 160 characters: one SMS segment. */
  sms: string;
  /** The ZNS template's parameters (one template per language, the same parameters for every event). */
  zns: Record<'title' | 'codes' | 'when' | 'place' | 'details' | 'link' | 'stop_link', string>;
  email: { subject: string; text: string };
}

type T = TFunction<'messages'>;

const i18n = i18next.createInstance();
void i18n.init({
  ns: ['messages'],
  defaultNS: 'messages',
  resources: { vi: { messages: vi }, en: { messages: en } },
  // Synchronous with the resources inline: `t` works as soon as `init` returns.
  initAsync: false,
  // No fallback: a message is wholly in the person's language. src/i18n/resources.ts checks both
  // files against the namespace's schema, so the tests catch a missing text before it ships.
  fallbackLng: false,
  keySeparator: false,
  // The texts are plain text (SMS, ZNS, text/plain e-mail): nothing to escape.
  interpolation: { escapeValue: false },
});
const ts: Record<Locale, T> = { vi: i18n.getFixedT('vi', 'messages'), en: i18n.getFixedT('en', 'messages') };

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

function day(t: T, iso: string, withYear: boolean): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  const month = t(`month.${date.month}` as keyof typeof vi);
  return t(withYear ? 'date.withYear' : 'date.withoutYear', { day: date.day, month, year: date.year });
}

function when(t: T, date: string | undefined, starts: string | undefined, ends: string | undefined, withYear: boolean): string | null {
  if (!date) return null;
  const hours = starts && ends ? ` ${starts}-${ends}` : starts ? ` ${starts}` : '';
  return `${day(t, date, withYear)}${hours}`;
}

/** Each person's code and queue number when the payload has them, else the codes as written. */
function codeList(t: T, payload: OutboxPayload): string[] {
  if (payload.booked) return payload.booked.map((b) => t('code.queueNo', { code: formatCode(b.code), queueNo: b.queue_no }));
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
  const t = ts[lang];
  const title = t(`title.${event}`);
  const link = `${siteUrl}${payload.link}`;
  const stop = stopLink(siteUrl, lang, message.stop_token);
  const codes = codeList(t, payload);
  const was = when(t, payload.date, payload.starts, payload.ends, true);
  const now = when(t, payload.new_date, payload.new_starts, payload.new_ends, true);
  const place = payload.place ? `${payload.place.name}, ${payload.place.address}` : null;
  const reason = payload.reason ? t('line.reason', { reason: payload.reason }) : null;

  const sms = fitSms(t(`smsTitle.${event}`), payload.codes, t('sms.stop', { link: stop }), [
    now ? t('sms.newWhen', { when: when(t, payload.new_date, payload.new_starts, payload.new_ends, false) }) : null,
    was ? t('sms.when', { when: when(t, payload.date, payload.starts, payload.ends, false) }) : null,
    moreCodes,
    reason,
    link,
    payload.place ? payload.place.name : null,
  ]);

  const details = [now && t('line.newWhen', { when: now }), reason].filter((line): line is string => Boolean(line));
  const lines = [
    title,
    // A sign-up link's coordinator is told about the session, which has no code of theirs.
    ...(codes.length > 0 ? [t('line.codes', { codes: codes.join(', ') })] : []),
    ...(was ? [t('line.when', { when: was })] : []),
    ...(place ? [t('line.place', { place })] : []),
    ...details,
    t('line.link', { link }),
    '',
    t('line.stop', { link: stop }),
  ];
  return {
    sms,
    zns: {
      title,
      codes: codes.join(', '),
      when: was ?? '',
      place: place ?? '',
      details: details.join('. '),
      link,
      stop_link: stop,
    },
    email: { subject: title, text: `${lines.join('\n')}\n` },
  };
}
