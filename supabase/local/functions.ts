// Supabase Edge Functions in the local stack: the gateway serves /functions/v1/<name> with the
// same web-standard handlers a hosted project deploys (supabase/functions/*). staff-accounts is
// always served (the console's accounts page needs it); the sender only when asked for (npm run
// dev), with a timer that calls it through that route as pg_cron calls it on a hosted project. The
// sender here talks to the providers' local ends (message-providers.ts);
// /functions/v1/send-messages/inbox shows what went out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { createSendMessagesHandler } from '../functions/send-messages/handler.ts';
import { createStaffAccountsHandler } from '../functions/staff-accounts/handler.ts';
import { localProviderKeys, startLocalProviders } from './message-providers.ts';

export interface LocalFunctionsOptions {
  /** The site the messages link to. */
  siteUrl: string;
  /** Ports of the providers' local ends: eSMS and ZNS over HTTP, and SMTP. */
  providerPort: number;
  smtpPort: number;
  /** How often the timer runs the sender. */
  everyMs: number;
}

export interface LocalFunctions {
  /** Answers a request to /functions/v1<path>. */
  handle: (request: Request, path: string) => Promise<Response>;
  /** Starts the timer, once the gateway it calls through is listening; answers how to stop it (after the run under way). */
  startTimer: () => () => Promise<void>;
  stop: () => Promise<void>;
}

/** The project's keys, as a hosted project gives them to its functions. */
export interface FunctionKeys {
  anonKey: string;
  serviceKey: string;
}

export async function startLocalFunctions(apiUrl: string, keys: FunctionKeys, options?: LocalFunctionsOptions): Promise<LocalFunctions> {
  const staffAccounts = createStaffAccountsHandler({ supabaseUrl: apiUrl, ...keys });
  const sender = options ? await startSender(apiUrl, keys.serviceKey, options) : undefined;
  return {
    handle: async (request, path) => {
      if (path === '/staff-accounts') return staffAccounts(request);
      return (await sender?.handle(request, path)) ?? Response.json({ message: 'Function not found' }, { status: 404 });
    },
    startTimer: () => sender?.startTimer() ?? (async () => {}),
    stop: async () => sender?.stop(),
  };
}

async function startSender(apiUrl: string, serviceKey: string, options: LocalFunctionsOptions) {
  const providers = await startLocalProviders(options.providerPort, options.smtpPort);
  const sendMessages = createSendMessagesHandler({
    supabaseUrl: apiUrl,
    serviceKey,
    siteUrl: options.siteUrl,
    phoneChannel: 'sms',
    esms: { url: providers.esmsUrl, apiKey: localProviderKeys.esmsApiKey, secretKey: localProviderKeys.esmsSecretKey, brandname: localProviderKeys.brandname, sandbox: false },
    zns: null,
    smtp: { url: providers.smtpUrl, from: 'CCCD <no-reply@cccd.local>' },
    batchSize: 50,
    timeoutMs: 5000,
    maxAttempts: 6,
    phoneLimit: 5,
  });
  return {
    handle: async (request: Request, path: string): Promise<Response | undefined> => {
      if (path === '/send-messages') return sendMessages(request);
      if (path === '/send-messages/inbox') return new Response(providers.inboxPage(), { headers: { 'content-type': 'text/html; charset=utf-8' } });
      return undefined;
    },
    startTimer: (): (() => Promise<void>) => {
      let running: Promise<void> | null = null;
      const run = () =>
        fetch(`${apiUrl}/functions/v1/send-messages`, { method: 'POST', headers: { authorization: `Bearer ${serviceKey}` } })
          .then(async (answer) => {
            if (!answer.ok) console.error(`[send-messages] ${answer.status} ${await answer.text()}`);
          })
          .catch((error: Error) => console.error(`[send-messages] ${error.message}`));
      // One run at a time: a tick while a run is under way (a slow provider) is skipped.
      const timer = setInterval(() => {
        running ??= run().finally(() => {
          running = null;
        });
      }, options.everyMs);
      return async () => {
        clearInterval(timer);
        await running;
      };
    },
    stop: () => providers.stop(),
  };
}

/** Runs a web-standard handler for a Node request and writes its Response back. */
export async function serveWebRequest(req: IncomingMessage, res: ServerResponse, origin: string, answer: (request: Request) => Promise<Response>): Promise<void> {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const request = new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: 'half',
  } as RequestInit);
  const response = await answer(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}
