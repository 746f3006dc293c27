// What the console sends the staff-accounts function: one action. A module of its own, which only
// the function imports (the console builds requests by this type): zod's schema constructors are
// kept by the bundler wherever they are defined, and the browser has no use for a union.
import * as z from 'zod/mini';
import { newAccountFormSchema, uuid } from './staff-accounts.ts';

export const staffAccountsRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('create'), account: newAccountFormSchema }),
  z.strictObject({ action: z.literal('set-active'), userId: uuid(), active: z.boolean() }),
  z.strictObject({ action: z.literal('reset-password'), userId: uuid() }),
]);
export type StaffAccountsRequest = z.output<typeof staffAccountsRequestSchema>;
