import { testStack } from '../supabase/local/config.ts';
import { preview } from './lib/preview.ts';
await preview({ stack: testStack('scratch-preview-4', 26391), stackOptions: { durable: false, log: () => {}, scheduledJobs: true }, port: 4339, outDir: '/tmp/deploy4/dist-preview' });
