// The local stand-in for Supabase's API gateway on 127.0.0.1:<api port>: /rest/v1 goes to
// PostgREST, /auth/v1 to the local Auth subset; keys are checked and swapped as Kong does.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { corsHeaders as sdkCorsHeaders } from '@supabase/supabase-js/cors';
import { createAuthHandler } from './auth.ts';
import { serveWebRequest, type LocalFunctions } from './functions.ts';
import { apiUrl, dbUrl, publishableKey, secretKey, superuser, type StackConfig } from './config.ts';
import { legacyKey } from './keys.ts';

export interface RunningGateway {
  stop: () => Promise<void>;
}

// The headers a browser may send: those supabase-js's own CORS list names (postgrest-js adds
// `x-retry-count` when it retries a read after a dropped connection: a preflight refusing it would
// make every retry fail), and those of the REST and Auth calls (postgrest-js's profiles and Prefer,
// auth-js's API version), as hosted Supabase's gateway accepts them.
const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD',
  'access-control-allow-headers': [
    ...new Set([
      ...(sdkCorsHeaders['Access-Control-Allow-Headers']?.split(', ') ?? []),
      ...['x-supabase-api-version', 'accept-profile', 'content-profile', 'prefer', 'range', 'range-unit', 'x-upsert'],
    ]),
  ].join(', '),
  'access-control-expose-headers': 'content-range, range, x-supabase-api-version, content-profile',
  'access-control-max-age': '86400',
};

function reply(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startGateway(config: StackConfig, functions?: LocalFunctions): Promise<RunningGateway> {
  const anonJwt = await legacyKey('anon');
  const serviceJwt = await legacyKey('service_role');
  // Which Bearer each accepted apikey stands for when the caller sent no user token.
  const bearerFor = new Map([
    [publishableKey, anonJwt],
    [secretKey, serviceJwt],
    [anonJwt, anonJwt],
    [serviceJwt, serviceJwt],
  ]);
  const pool = new pg.Pool({ connectionString: dbUrl(config, superuser), max: 4 });
  const handleAuth = createAuthHandler(pool, `${apiUrl(config)}/auth/v1`);

  function authorization(req: IncomingMessage): string | null {
    const apikey = req.headers.apikey;
    const keyBearer = typeof apikey === 'string' ? bearerFor.get(apikey) : undefined;
    if (!keyBearer) return null;
    const sent = req.headers.authorization;
    // A user's access token passes through; an opaque key as Bearer (supabase-js sends the
    // apikey there) becomes the JWT PostgREST understands.
    if (sent && !/^Bearer sb_/i.test(sent)) return sent;
    return `Bearer ${keyBearer}`;
  }

  // Kept-alive connections to PostgREST, as a real gateway keeps them.
  const upstreamAgent = new http.Agent({ keepAlive: true, maxSockets: 128 });

  function proxyToPostgrest(req: IncomingMessage, res: ServerResponse, path: string, auth: string): void {
    // Appends the address it saw to what came before, as proxies do: the database takes the entry
    // its trusted proxies vouch for (private.client_address_source), never one a client wrote.
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].flat().filter(Boolean).join(', ');
    const headers = { ...req.headers, authorization: auth, 'x-forwarded-for': forwarded };
    delete headers.host;
    const upstream = http.request(
      { host: '127.0.0.1', port: config.ports.rest, method: req.method, path, headers, agent: upstreamAgent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) reply(res, 502, { message: `PostgREST unreachable: ${error.message}` });
      else res.destroy();
    });
    req.pipe(upstream);
  }

  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(corsHeaders)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    // Edge Functions check their caller themselves (the sender wants the service role key).
    const [, functionPath] = /^\/functions\/v1(\/[^?]*)/.exec(req.url ?? '/') ?? [];
    if (functionPath && functions) {
      serveWebRequest(req, res, apiUrl(config), (request) => functions.handle(request, functionPath)).catch((error: Error) => {
        if (!res.headersSent) reply(res, 500, { message: error.message });
        else res.destroy();
      });
      return;
    }
    const [, service, tail = ''] = /^\/(rest|auth)\/v1(?=[/?]|$)(.*)$/.exec(req.url ?? '/') ?? [];
    const rest = tail.startsWith('/') ? tail : `/${tail}`;
    if (!service) {
      reply(res, 404, { message: 'no Route matched with those values' });
      return;
    }
    const auth = authorization(req);
    if (!auth) {
      reply(res, 401, { message: req.headers.apikey ? 'Invalid API key' : 'No API key found in request' });
      return;
    }
    if (service === 'rest') proxyToPostgrest(req, res, rest, auth);
    else {
      // The auth handler reads the Bearer itself: give it the rewritten one.
      req.headers.authorization = auth;
      void handleAuth(req, res, rest);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.ports.api, '127.0.0.1', () => resolve());
  });
  return {
    stop: async () => {
      server.closeAllConnections();
      upstreamAgent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
