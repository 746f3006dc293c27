// The Supabase Edge Function entry: Deno serves the handler, configured from the function's
// secrets (README, "Messages on a hosted project"). Imports resolve through deno.json.
import { senderConfigFromEnv } from './config.ts';
import { createSendMessagesHandler } from './handler.ts';

// Deno's globals, as far as this file uses them (the project's type checks run on Node's types).
declare const Deno: { env: { get: (name: string) => string | undefined }; serve: (handler: (request: Request) => Promise<Response>) => unknown };

Deno.serve(createSendMessagesHandler(senderConfigFromEnv((name) => Deno.env.get(name))));
