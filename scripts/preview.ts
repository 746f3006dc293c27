// `npm run preview`: the production build, with its service worker and the headers a static host
// sends, against the local stack started as `npm run dev` starts it (same data, same ports).
import { devStack } from '../supabase/local/config.ts';
import { preview } from './lib/preview.ts';
import { localFunctions } from './site-env.ts';

const port = Number(process.env.PORT ?? 4321);
await preview({
  stack: devStack,
  stackOptions: { durable: true, log: console.log, functions: localFunctions(`http://localhost:${port}`), scheduledJobs: true },
  port,
  outDir: 'dist-preview',
});
