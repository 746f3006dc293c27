// What the sender claims from the outbox (public.sender_claim_messages, 16_message_sender.sql): one
// delivery of one message on one channel, with the id every try of it carries.
import { array, enum as picklist, int, number, positive, string, strictObject, type output } from 'zod/mini';
import { outboxMessageSchema } from './outbox.ts';

export const messageChannels = ['sms', 'zns', 'email'] as const;
export type MessageChannel = (typeof messageChannels)[number];

/** How a try ended: the provider took it, answered that it did not, or did not answer (a timeout). */
export type AttemptOutcome = 'accepted' | 'refused' | 'no_answer';

export const claimedDeliverySchema = strictObject({
  channel: picklist(messageChannels),
  /** Sent with every try: eSMS RequestId, ZNS tracking_id, the e-mail's Message-ID. */
  idempotency_id: string(),
  /** 1 for the first try. */
  attempt: number().check(int(), positive()),
  message: outboxMessageSchema,
});
export type ClaimedDelivery = output<typeof claimedDeliverySchema>;

export const claimedDeliveriesSchema = array(claimedDeliverySchema);
