// Starts a throwaway stack for the db tests and hands its URLs and keys to them.
import type { TestProject } from 'vitest/node';
import { testSlot } from '../../../supabase/local/config.ts';
import { startThrowawayStack } from '../../../supabase/local/throwaway.ts';
import type { StackInfo } from './stack-info.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

// Below 32768, where Linux picks outgoing connections' ports: no open connection can hold one.
export const dbTestBasePort = 25321 + testSlot * 10;

export default async function setup(project: TestProject) {
  const stack = await startThrowawayStack('test-db', dbTestBasePort);
  const { stop, ...info } = stack;
  project.provide('stack', info);
  return stop;
}
