import type { RunningStack } from '../../../supabase/local/stack.ts';

export type StackInfo = Omit<RunningStack, 'stop'>;
