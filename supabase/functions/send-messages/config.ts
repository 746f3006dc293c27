// The sender's configuration, from environment variables (Supabase Edge Function secrets on a
// hosted project, the local stack's values in `npm run dev`). Which providers send is chosen here:
// the phone channel is eSMS SMS or Zalo ZNS; e-mail goes only when an SMTP server is configured.
import type { Locale } from '../../../src/i18n/config.ts';
import type { MessageChannel } from '../../../src/domain/message-delivery.ts';

export interface EsmsConfig {
  url: string;
  apiKey: string;
  secretKey: string;
  brandname: string;
  /** eSMS's Sandbox flag: checks the request, sends and charges nothing. */
  sandbox: boolean;
}

export interface ZnsConfig {
  url: string;
  accessToken: string;
  /** The ZNS template registered for each language (its parameters: MessageTexts['zns']). */
  templateIds: Record<Locale, string>;
}

export interface SmtpConfig {
  /** smtps://user:password@host:465 (Supabase Edge Functions may not open ports 25 and 587). */
  url: string;
  from: string;
}

export interface SenderConfig {
  supabaseUrl: string;
  /** The service role key: the sender calls the claim and record functions with it, and callers must present it. */
  serviceKey: string;
  /** Links in the messages start here (no trailing slash). */
  siteUrl: string;
  phoneChannel: 'sms' | 'zns';
  esms: EsmsConfig | null;
  zns: ZnsConfig | null;
  smtp: SmtpConfig | null;
  /** Deliveries claimed by one run. */
  batchSize: number;
  /** How long a provider may take to answer before the try counts as unanswered. */
  timeoutMs: number;
  /** Tries of one delivery before it is given up. */
  maxAttempts: number;
  /** SMS and ZNS messages one phone gets in a day at most. */
  phoneLimit: number;
}

export const esmsEndpoint = 'https://rest.esms.vn/MainService.svc/json/SendMultipleMessage_V4_post_json/';
export const znsEndpoint = 'https://business.openapi.zalo.me/message/template';

/** The channels a message may go by under this configuration. */
export function channels(config: SenderConfig): MessageChannel[] {
  return config.smtp ? [config.phoneChannel, 'email'] : [config.phoneChannel];
}

/** Reads the configuration; a missing required value throws, naming it. */
export function senderConfigFromEnv(env: (name: string) => string | undefined): SenderConfig {
  const required = (name: string) => {
    const value = env(name);
    if (!value) throw new Error(`send-messages: ${name} is not set`);
    return value;
  };
  const phoneChannel = env('MESSAGE_PHONE_CHANNEL') ?? 'sms';
  if (phoneChannel !== 'sms' && phoneChannel !== 'zns') throw new Error('send-messages: MESSAGE_PHONE_CHANNEL must be sms or zns');
  const number = (name: string, fallback: number) => Number(env(name) ?? fallback);
  return {
    supabaseUrl: required('SUPABASE_URL'),
    serviceKey: required('SUPABASE_SERVICE_ROLE_KEY'),
    siteUrl: required('SITE_URL').replace(/\/$/, ''),
    phoneChannel,
    esms:
      phoneChannel === 'sms'
        ? {
            url: env('ESMS_URL') ?? esmsEndpoint,
            apiKey: required('ESMS_API_KEY'),
            secretKey: required('ESMS_SECRET_KEY'),
            brandname: required('ESMS_BRANDNAME'),
            sandbox: env('ESMS_SANDBOX') === '1',
          }
        : null,
    zns:
      phoneChannel === 'zns'
        ? {
            url: env('ZNS_URL') ?? znsEndpoint,
            accessToken: required('ZNS_ACCESS_TOKEN'),
            templateIds: { vi: required('ZNS_TEMPLATE_ID_VI'), en: required('ZNS_TEMPLATE_ID_EN') },
          }
        : null,
    smtp: env('SMTP_URL') ? { url: required('SMTP_URL'), from: required('SMTP_FROM') } : null,
    batchSize: number('MESSAGE_BATCH_SIZE', 50),
    timeoutMs: number('MESSAGE_TIMEOUT_MS', 10_000),
    maxAttempts: number('MESSAGE_MAX_ATTEMPTS', 6),
    phoneLimit: number('MESSAGE_PHONE_LIMIT', 5),
  };
}
