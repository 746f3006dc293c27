// The sender: one run claims the deliveries due now (public.sender_claim_messages), writes each
// message in its person's language (src/domain/message-texts.ts), sends it through the configured
// provider and records how the try ended (public.sender_record_attempt), which decides whether and
// when it is tried again. Written against the web-standard Request and Response, so the same code
// runs as a Supabase Edge Function (index.ts) and in the local stack's gateway.
import { safeParse } from 'zod/mini';
import { claimedDeliverySchema, type ClaimedDelivery } from '../../../src/domain/message-delivery.ts';
import { messageTexts } from '../../../src/domain/message-texts.ts';
import { channels, type SenderConfig } from './config.ts';
import { sendEsms, sendZns, smtpMailer, type AttemptResult, type Mailer } from './providers.ts';

export interface RunSummary {
  claimed: number;
  accepted: number;
  /** Refused or unanswered: tried again later, or given up after the last try. */
  notAccepted: number;
}

async function callRpc(config: SenderConfig, name: string, args: object): Promise<unknown> {
  const response = await fetch(`${config.supabaseUrl}/rest/v1/rpc/${name}`, {
    method: 'POST',
    headers: { apikey: config.serviceKey, authorization: `Bearer ${config.serviceKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : ((await response.json()) as unknown);
}

async function attempt(config: SenderConfig, delivery: ClaimedDelivery, mailer: Mailer | null): Promise<AttemptResult> {
  const { message, channel, idempotency_id: id } = delivery;
  const texts = messageTexts(message, config.siteUrl);
  if (channel === 'sms' && config.esms) return sendEsms(config.esms, message.phone, texts, id, config.timeoutMs);
  if (channel === 'zns' && config.zns) return sendZns(config.zns, message.lang, message.phone, texts, id, config.timeoutMs);
  if (channel === 'email' && mailer && message.email) return mailer.send(message.email, texts, id);
  return { outcome: 'refused', providerId: null, detail: `no provider configured for ${channel}` };
}

/** One run of the sender over what is due now. */
export async function sendDueMessages(config: SenderConfig): Promise<RunSummary> {
  const claimed = await callRpc(config, 'sender_claim_messages', {
    p_channels: channels(config),
    p_limit: config.batchSize,
    // Long enough for every try of the batch to time out before another run may take them again.
    p_lease_seconds: Math.ceil((config.timeoutMs * 2) / 1000) + 60,
    p_phone_limit: config.phoneLimit,
  });
  const items = Array.isArray(claimed) ? (claimed as unknown[]) : [];
  const mailer = config.smtp ? smtpMailer(config.smtp, config.timeoutMs) : null;
  try {
    const results = await Promise.all(
      items.map(async (item) => {
        const parsed = safeParse(claimedDeliverySchema, item);
        // A row the writers filled in another shape is refused like a provider's refusal: it is
        // recorded (and given up after the last try) rather than blocking the outbox.
        const raw = item as { message?: { id?: number }; channel?: string };
        const result: AttemptResult = parsed.success
          ? await attempt(config, parsed.data, mailer)
          : { outcome: 'refused', providerId: null, detail: `not an outbox message: ${parsed.error.message.slice(0, 200)}` };
        await callRpc(config, 'sender_record_attempt', {
          p_message_id: raw.message?.id,
          p_channel: raw.channel,
          p_outcome: result.outcome,
          p_provider_id: result.providerId,
          p_detail: result.detail,
          p_max_attempts: config.maxAttempts,
        });
        return result.outcome;
      }),
    );
    return { claimed: items.length, accepted: results.filter((o) => o === 'accepted').length, notAccepted: results.filter((o) => o !== 'accepted').length };
  } finally {
    mailer?.close();
  }
}

/**
 * The function's HTTP face: POST with the service role key as the Bearer runs the sender once and
 * answers what it did. Only the schedule (pg_cron, or the local timer) calls it.
 */
export function createSendMessagesHandler(config: SenderConfig): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'POST') return Response.json({ message: 'POST to run the sender' }, { status: 405, headers: { allow: 'POST' } });
    if (request.headers.get('authorization') !== `Bearer ${config.serviceKey}`) {
      return Response.json({ message: 'the service role key is required' }, { status: 401 });
    }
    try {
      return Response.json(await sendDueMessages(config));
    } catch (error) {
      return Response.json({ message: (error as Error).message }, { status: 500 });
    }
  };
}
