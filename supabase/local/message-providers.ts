// The message providers' ends, on this machine: an HTTP server answering eSMS's and Zalo ZNS's
// send requests as their documentation defines them, and an SMTP server. What they accept goes to
// an inbox, which `npm run dev` shows as a page and the tests read. They stand where the providers
// stand, so the sender under test is the real one, speaking the real protocols.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface InboxEntry {
  channel: 'sms' | 'zns' | 'email';
  /** The phone (as the provider got it) or the e-mail address. */
  to: string;
  /** The SMS text, the ZNS template data as JSON, or the e-mail's subject and text. */
  subject: string | null;
  text: string;
  /** The idempotency id the request carried: RequestId, tracking_id or Message-ID. */
  requestId: string | null;
  at: string;
}

/** What the providers' ends do with the next requests, so a test can play a provider's failure. */
export type ProviderTrouble =
  /** Answer as the provider does when it does not take the message (eSMS 99, ZNS -100). */
  | 'refuse'
  /** Take the message, but answer only after `ms`: longer than the sender waits. */
  | { acceptSlowly: number };

export interface LocalProviders {
  esmsUrl: string;
  znsUrl: string;
  smtpUrl: string;
  inbox: InboxEntry[];
  /** The next requests to the HTTP providers for a phone (as the sender writes it: 09…) meet these troubles, in order. */
  troubleFor: (phone: string, ...troubles: ProviderTrouble[]) => void;
  inboxPage: () => string;
  stop: () => Promise<void>;
}

/** The keys the local ends accept; the local sender is configured with them. */
export const localProviderKeys = { esmsApiKey: 'local-esms-api-key', esmsSecretKey: 'local-esms-secret', brandname: 'CCCD-LOCAL', znsToken: 'local-zns-token' };

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function send(res: ServerResponse, body: object, delayMs = 0): void {
  const write = () => {
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  if (delayMs > 0) setTimeout(write, delayMs).unref();
  else write();
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startLocalProviders(httpPort: number, smtpPort: number): Promise<LocalProviders> {
  const inbox: InboxEntry[] = [];
  const trouble = new Map<string, ProviderTrouble[]>();
  // eSMS keeps a RequestId for 24 hours and sends a repeat of it nowhere: the first answer again.
  const esmsAnswers = new Map<string, object>();

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readJson(req);
      const sentTo = body.Phone ?? body.phone;
      const phone = typeof sentTo === 'string' ? sentTo.replace(/^84/, '0') : '';
      const problem = trouble.get(phone)?.shift();
      const delay = typeof problem === 'object' ? problem.acceptSlowly : 0;
      if (req.method === 'POST' && req.url === '/MainService.svc/json/SendMultipleMessage_V4_post_json/') {
        // https://developers.esms.vn/en/esms-api/send-sms-api/send-otp-customer-care-message
        if (body.ApiKey !== localProviderKeys.esmsApiKey || body.SecretKey !== localProviderKeys.esmsSecretKey) {
          send(res, { CodeResult: '101', ErrorMessage: 'Authorize Failed' });
          return;
        }
        if (problem === 'refuse') {
          send(res, { CodeResult: '99', ErrorMessage: 'Unknown error' });
          return;
        }
        const requestId = typeof body.RequestId === 'string' ? body.RequestId : null;
        const earlier = requestId ? esmsAnswers.get(requestId) : undefined;
        if (earlier) {
          send(res, earlier, delay);
          return;
        }
        const answer = { CodeResult: '100', CountRegenerate: 0, SMSID: randomUUID() };
        if (requestId) esmsAnswers.set(requestId, answer);
        inbox.push({ channel: 'sms', to: phone, subject: null, text: String(body.Content), requestId, at: new Date().toISOString() });
        send(res, answer, delay);
        return;
      }
      if (req.method === 'POST' && req.url === '/message/template') {
        // https://developers.zalo.me/docs/zalo-notification-service/ ("Gửi ZNS")
        if (req.headers.access_token !== localProviderKeys.znsToken) {
          send(res, { error: -124, message: 'Access token is invalid' });
          return;
        }
        if (problem === 'refuse') {
          send(res, { error: -100, message: 'Unknown error' });
          return;
        }
        const trackingId = typeof body.tracking_id === 'string' ? body.tracking_id : null;
        inbox.push({ channel: 'zns', to: String(sentTo), subject: null, text: JSON.stringify(body.template_data), requestId: trackingId, at: new Date().toISOString() });
        send(res, { error: 0, message: 'Success', data: { msg_id: randomUUID(), sent_time: String(Date.now()), quota: { dailyQuota: '500', remainingQuota: '499' } } }, delay);
        return;
      }
      res.writeHead(404).end();
    })();
  });

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const recipient of session.envelope.rcptTo) {
            inbox.push({ channel: 'email', to: recipient.address, subject: mail.subject ?? null, text: mail.text ?? '', requestId: mail.messageId ?? null, at: new Date().toISOString() });
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(httpPort, '127.0.0.1', () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(smtpPort, '127.0.0.1', () => resolve());
  });

  return {
    esmsUrl: `http://127.0.0.1:${httpPort}/MainService.svc/json/SendMultipleMessage_V4_post_json/`,
    znsUrl: `http://127.0.0.1:${httpPort}/message/template`,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    inbox,
    troubleFor: (phone, ...troubles) => trouble.set(phone, [...(trouble.get(phone) ?? []), ...troubles]),
    inboxPage: () =>
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Local inbox</title><meta name="viewport" content="width=device-width"><style>pre{white-space:pre-wrap;overflow-wrap:anywhere}</style>
<h1>Messages sent by the local sender (${inbox.length})</h1><ol reversed>${[...inbox]
        .reverse()
        .map((entry) => `<li><p><b>${entry.channel}</b> to ${escape(entry.to)} at ${entry.at}${entry.subject ? `: ${escape(entry.subject)}` : ''}</p><pre>${escape(entry.text)}</pre></li>`)
        .join('')}</ol></html>`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
