// One try at delivering a message through a provider, as each provider's documentation defines
// the request and the answer. Each answers whether the provider accepted it, refused it, or did
// not answer (a timeout or a dropped connection: it may have been accepted, so the try after it
// carries the same idempotency id).
import nodemailer from 'nodemailer';
import type { AttemptOutcome } from '../../../src/domain/message-delivery.ts';
import type { MessageTexts } from '../../../src/domain/message-texts.ts';
import type { Locale } from '../../../src/i18n/config.ts';
import type { EsmsConfig, SmtpConfig, ZnsConfig } from './config.ts';

export interface AttemptResult {
  outcome: AttemptOutcome;
  providerId: string | null;
  detail: string | null;
}

const noAnswer = (error: unknown): AttemptResult => ({ outcome: 'no_answer', providerId: null, detail: String((error as Error).message ?? error) });

async function postJson(url: string, headers: Record<string, string>, body: object, timeoutMs: number): Promise<{ status: number; answer: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  try {
    return { status: response.status, answer: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, answer: text };
  }
}

/**
 * eSMS.vn brandname SMS, "Send OTP/Customer care message":
 * https://developers.esms.vn/en/esms-api/send-sms-api/send-otp-customer-care-message
 * POST SendMultipleMessage_V4_post_json with ApiKey, SecretKey, Phone, Content, Brandname,
 * SmsType "2" (customer care), IsUnicode "0" (the text is GSM-7), Sandbox and RequestId ("the
 * identification value for the request to prevent the request from duplicated", kept 24 hours).
 * The answer's CodeResult "100" means accepted, with SMSID; any other code is a refusal, with
 * ErrorMessage.
 */
export async function sendEsms(config: EsmsConfig, phone: string, texts: MessageTexts, requestId: string, timeoutMs: number): Promise<AttemptResult> {
  try {
    const { status, answer } = await postJson(
      config.url,
      {},
      {
        ApiKey: config.apiKey,
        SecretKey: config.secretKey,
        Phone: phone,
        Content: texts.sms,
        Brandname: config.brandname,
        SmsType: '2',
        IsUnicode: '0',
        Sandbox: config.sandbox ? '1' : '0',
        RequestId: requestId,
      },
      timeoutMs,
    );
    const result = answer as { CodeResult?: string; SMSID?: string; ErrorMessage?: string };
    if (status >= 500 || typeof answer !== 'object' || answer === null) return noAnswer(`HTTP ${status}`);
    if (result.CodeResult === '100') return { outcome: 'accepted', providerId: result.SMSID ?? null, detail: null };
    return { outcome: 'refused', providerId: null, detail: `CodeResult ${result.CodeResult ?? '?'}: ${result.ErrorMessage ?? ''}` };
  } catch (error) {
    return noAnswer(error);
  }
}

/**
 * Zalo Notification Service, "Gửi ZNS" (send a template message by phone number):
 * https://developers.zalo.me/docs/zalo-notification-service/ ("Gửi ZNS")
 * POST https://business.openapi.zalo.me/message/template with the header access_token and
 * { phone (84…), template_id, template_data, tracking_id }. The answer's error 0 means accepted,
 * with data.msg_id; any other error code is a refusal, with message.
 */
export async function sendZns(config: ZnsConfig, lang: Locale, phone: string, texts: MessageTexts, trackingId: string, timeoutMs: number): Promise<AttemptResult> {
  try {
    const { status, answer } = await postJson(
      config.url,
      { access_token: config.accessToken },
      { phone: `84${phone.slice(1)}`, template_id: config.templateIds[lang], template_data: texts.zns, tracking_id: trackingId },
      timeoutMs,
    );
    if (status >= 500 || typeof answer !== 'object' || answer === null) return noAnswer(`HTTP ${status}`);
    const result = answer as { error?: number; message?: string; data?: { msg_id?: string } };
    if (result.error === 0) return { outcome: 'accepted', providerId: result.data?.msg_id ?? null, detail: null };
    return { outcome: 'refused', providerId: null, detail: `error ${result.error ?? '?'}: ${result.message ?? ''}` };
  } catch (error) {
    return noAnswer(error);
  }
}

export interface Mailer {
  send: (to: string, texts: MessageTexts, messageId: string) => Promise<AttemptResult>;
  close: () => void;
}

/**
 * E-mail over SMTP with nodemailer (https://nodemailer.com/smtp/). The Message-ID is the delivery's
 * idempotency id, so a copy sent again after a lost answer is the same message to the mail system.
 * A reply code from the server (4xx, 5xx) is a refusal; no reply is no answer.
 */
export function smtpMailer(config: SmtpConfig, timeoutMs: number): Mailer {
  const transport = nodemailer.createTransport({ url: config.url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  return {
    send: async (to, texts, messageId) => {
      try {
        const info = await transport.sendMail({ from: config.from, to, subject: texts.email.subject, text: texts.email.text, messageId: `<${messageId}@send-messages>` });
        return { outcome: 'accepted', providerId: info.response, detail: null };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        return code ? { outcome: 'refused', providerId: null, detail: `SMTP ${code}: ${(error as Error).message}` } : noAnswer(error);
      }
    },
    close: () => transport.close(),
  };
}
