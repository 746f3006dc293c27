// A stack made from nothing for one test run, on its own ports and data directory, never the
// dev data. The directory name is fixed so a run that was killed is cleaned up by the next one.
import { rm } from 'node:fs/promises';
import { testStack } from './config.ts';
import { stopLeftover } from './postgres.ts';
import { startStack, type RunningStack, type StackOptions } from './stack.ts';

export async function startThrowawayStack(name: string, basePort: number, options: Partial<StackOptions> = {}): Promise<RunningStack> {
  const config = testStack(name, basePort);
  await stopLeftover(config.dataDir);
  await rm(config.dataDir, { recursive: true, force: true });
  const stack = await startStack(config, { durable: false, ...options });
  return {
    ...stack,
    stop: async () => {
      await stack.stop();
      await rm(config.dataDir, { recursive: true, force: true });
    },
  };
}
