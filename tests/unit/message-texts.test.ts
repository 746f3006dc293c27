// The words of the messages: every event in both languages, the SMS in one GSM-7 segment however
// long the place and however many codes, the stop link in every message.
import { describe, expect, it } from 'vitest';
import { messageTexts, smsLimit, toGsm7 } from '../../src/domain/message-texts.ts';
import { outboxEvents, type OutboxMessage, type OutboxPayload } from '../../src/domain/outbox.ts';

const site = 'https://cccd.thuathienhue.gov.vn';
const token = '0123456789abcdef0123456789abcdef';

const family: OutboxPayload = {
  codes: ['7KQ2MX4RK', 'A1B2C3D4E', 'F5G6H7J8K', 'M9N0P1Q2R', 'S3T4V5W6X'],
  booked: [1, 2, 3, 4, 5].map((n, i) => ({ code: ['7KQ2MX4RK', 'A1B2C3D4E', 'F5G6H7J8K', 'M9N0P1Q2R', 'S3T4V5W6X'][i]!, queue_no: 40 + n })),
  place: { name: 'Trường Trung học cơ sở Nguyễn Tri Phương (hội trường tầng 2)', address: '26 Đường Nguyễn Tri Phương, Phường Phú Hội, Thành phố Huế' },
  date: '2026-12-12',
  starts: '13:30',
  ends: '16:30',
  new_date: '2026-12-19',
  new_starts: '07:30',
  new_ends: '11:00',
  reason: 'Mất điện cả khu phố, đội làm thủ tục không thể làm việc',
  link: '/vi/schedules/?campaign=hue-2026&near=19786&from=2026-12-12',
};

function message(event: OutboxMessage['event'], lang: OutboxMessage['lang'], payload: OutboxPayload = family): OutboxMessage {
  return { id: 1, event, lang, phone: '0912345678', email: 'a@example.test', payload, stop_token: token };
}

const gsm7Only = /^[@£$¥\n\r !"#%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;

describe('message texts', () => {
  for (const lang of ['vi', 'en'] as const) {
    for (const event of outboxEvents) {
      it(`${event} in ${lang}: an SMS of one GSM-7 segment with the stop link, an e-mail and ZNS data`, () => {
        const texts = messageTexts(message(event, lang), site);
        expect(texts.sms.length).toBeLessThanOrEqual(smsLimit);
        expect(texts.sms).toMatch(gsm7Only);
        expect(texts.sms.endsWith(`${site}/${lang}/messages/stop/#t=${token}`)).toBe(true);
        // The first code always; the ones that do not fit are counted.
        expect(texts.sms).toMatch(/7KQ2MX4RK(, [0-9A-Z]{9})*( \+[1-4])?\./);
        expect(texts.email.text).toContain(`${site}/${lang}/messages/stop/#t=${token}`);
        expect(texts.email.text).toContain(`${site}${family.link}`);
        expect(texts.zns.stop_link).toBe(`${site}/${lang}/messages/stop/#t=${token}`);
      });
    }
  }

  it('keeps every SMS in one segment for a site address of up to 50 characters', () => {
    const longSite = `https://${'a'.repeat(35)}.gov.vn`;
    expect(longSite).toHaveLength(50);
    const lengths = outboxEvents.flatMap((event) => (['vi', 'en'] as const).map((lang) => messageTexts(message(event, lang), longSite).sms.length));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(smsLimit);
  });

  it('writes Vietnamese without marks in the SMS and with them in the e-mail', () => {
    const texts = messageTexts(message('session_moved', 'vi'), site);
    expect(texts.sms).toMatch(/^CCCD: doi lich\. 7KQ2MX4RK \+4\. /);
    expect(texts.sms).toContain('Lich moi 19/12 07:30-11:00');
    expect(texts.email.subject).toBe('Buổi làm căn cước bạn đã đặt được dời lịch');
    expect(texts.email.text).toContain('Lịch mới: 19/12/2026 07:30-11:00');
    expect(texts.email.text).toContain('Lý do: Mất điện cả khu phố');
    expect(texts.email.text).toContain('7KQ2-MX4RK (số 41), A1B2-C3D4E (số 42)');
  });

  it('counts the codes an SMS has no room for, and adds the day and the link only while they fit', () => {
    const one = (link: string) =>
      messageTexts(message('booking_confirmed', 'vi', { codes: ['7KQ2MX4RK'], date: '2026-12-12', starts: '07:30', ends: '11:00', link }), 'https://x.vn').sms;
    expect(one('/vi/booking/')).toBe(`CCCD: da dat cho. 7KQ2MX4RK. Ngay 12/12 07:30-11:00. https://x.vn/vi/booking/. Ngung nhan: https://x.vn/vi/messages/stop/#t=${token}`);
    expect(one('/vi/booking/#lookup=7KQ2MX4RK')).toBe(`CCCD: da dat cho. 7KQ2MX4RK. Ngay 12/12 07:30-11:00. Ngung nhan: https://x.vn/vi/messages/stop/#t=${token}`);
    const five = messageTexts(message('booking_confirmed', 'en'), site);
    expect(five.sms).toMatch(/^ID card: booked\. 7KQ2MX4RK(, [0-9A-Z]{9})* \+[1-4]\. /);
  });

  it('gives the reason a call-off has when it fits', () => {
    const short = { codes: ['7KQ2MX4RK'], date: '2026-12-12', reason: 'Mất điện', link: '/vi/booking/#lookup=7KQ2MX4RK' };
    expect(messageTexts(message('session_cancelled', 'vi', short), 'https://x.vn').sms).toBe(
      `CCCD: buoi bi huy. 7KQ2MX4RK. Ngay 12/12. Ly do: Mat dien. Ngung nhan: https://x.vn/vi/messages/stop/#t=${token}`,
    );
  });

  it('tells a sign-up link\'s coordinator of their session without a code line', () => {
    const session = { codes: [], place: { name: 'Trường THPT Hai Bà Trưng', address: '14 Lê Lợi, Huế' }, date: '2026-12-12' };
    const moved = messageTexts(message('signup_session_changed', 'en', { ...session, new_date: '2026-12-19', new_starts: '07:30', new_ends: '11:00', link: '/en/schedules/' }), 'https://x.vn');
    expect(moved.sms).toBe(
      `ID card: group session changed. New date 19 Dec 07:30-11:00. On 12 Dec. Stop: https://x.vn/en/messages/stop/#t=${token}`,
    );
    expect(moved.email.text).toBe([
      'Your organisation\'s ID card session changed',
      'On: 12 Dec 2026',
      'At: Trường THPT Hai Bà Trưng, 14 Lê Lợi, Huế',
      'New date: 19 Dec 2026 07:30-11:00',
      'See: https://x.vn/en/schedules/',
      '',
      `To stop these messages: https://x.vn/en/messages/stop/#t=${token}`,
      '',
    ].join('\n'));
    const cancelled = messageTexts(message('signup_session_changed', 'vi', { ...session, reason: 'Mất điện', link: '/vi/schedules/' }), 'https://x.vn');
    expect(cancelled.sms).toMatch(/^CCCD: buoi don vi doi\. Ngay 12\/12\. Ly do: Mat dien\. https:\/\/x\.vn\/vi\/schedules\/\. /);
    expect(cancelled.email.text).toContain('Lý do: Mất điện');
    expect(cancelled.zns.codes).toBe('');
  });

  it('takes tone marks and đ off, and puts ? for what GSM-7 has no letter for', () => {
    expect(toGsm7('Đã đặt chỗ – Huế')).toBe('Da dat cho ? Hue');
    expect(toGsm7('Thuận Hoá, Quảng Điền')).toBe('Thuan Hoa, Quang Dien');
  });
});
