// Staff accounts managed from the console: the forms, what the staff-accounts Edge Function takes
// and answers, the database functions' answers, and the rules the console applies before asking
// (which roles an administrator may give). The database decides (public.staff_check_new_account and
// the functions after it); these rules only keep the form from offering what it would refuse.
import * as z from 'zod/mini';

/**
 * Supabase Auth's password rule (supabase/config.toml: minimum_password_length, and
 * password_requirements = "letters_digits"); a unit test keeps the two equal.
 */
export const minimumPasswordLength = 10;
/** Whether a password has a letter and a digit, as "letters_digits" asks. */
export const hasLettersAndDigits = (password: string) => /[A-Za-z]/.test(password) && /[0-9]/.test(password);

// Patterns rather than zod's z.email(), z.uuid() and z.iso: the browser's shared zod chunk holds
// every zod feature any page uses, so a new one would weigh on every page's budget.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const uuid = () => z.string().check(z.regex(uuidPattern));

/** The password form: the new password twice. Messages are keys of the staffAccounts namespace. */
export const passwordChangeSchema = z
  .object({
    password: z.string().check(
      z.minLength(minimumPasswordLength, 'staffPassword:tooShort'),
      z.refine(hasLettersAndDigits, 'staffPassword:lettersAndDigits'),
    ),
    confirm: z.string(),
  })
  .check(z.refine((form) => form.password === form.confirm, { message: 'staffPassword:mismatch', path: ['confirm'] }));

/** An account as the database's account functions answer it (private.account_json). */
export const staffAccountSchema = z.strictObject({
  user_id: uuid(),
  display_name: z.string(),
  role: z.string(),
  unit_id: z.number(),
  site_id: z.nullable(z.number()),
  active: z.boolean(),
  must_change_password: z.boolean(),
});
export type StaffAccountRow = z.output<typeof staffAccountSchema>;

/** public.staff_check_new_account's answer. */
export const newAccountCheckSchema = z.strictObject({ ok: z.literal(true) });

/** A new account, as the function takes it. Messages are keys of the staffAccounts namespace. */
export const newAccountFormSchema = z.object({
  email: z.string().check(z.regex(emailPattern, 'staffAccounts:form.emailInvalid')),
  displayName: z.string().check(z.trim(), z.minLength(2, 'staffAccounts:form.nameInvalid'), z.maxLength(100, 'staffAccounts:form.nameInvalid')),
  role: z.string().check(z.regex(/^[a-z_]{3,40}$/, 'staffAccounts:form.roleRequired')),
  unitId: z.number('staffAccounts:form.unitRequired').check(z.int(), z.positive()),
  /** Only a site-bound role (a volunteer) has one. */
  siteId: z.optional(z.number().check(z.int(), z.positive())),
});
export type NewAccountForm = z.output<typeof newAccountFormSchema>;

/** The new-account form as typed: every field a string, empty when not chosen. */
export interface NewAccountDraft {
  email: string;
  displayName: string;
  role: string;
  unitId: string;
  siteId: string;
}

export type Checked<T> = { ok: true; data: T } | { ok: false; issues: { path: PropertyKey[]; message: string }[] };

/** The draft as the function takes it, or what is wrong; a site-bound role needs a site, any other has none. */
export function readNewAccount(draft: NewAccountDraft, siteBound: boolean): Checked<NewAccountForm> {
  const result = z.safeParse(newAccountFormSchema, {
    email: draft.email.trim(),
    displayName: draft.displayName,
    role: draft.role,
    unitId: draft.unitId ? Number(draft.unitId) : undefined,
    siteId: siteBound && draft.siteId ? Number(draft.siteId) : undefined,
  });
  const issues = result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
  if (siteBound && !draft.siteId) issues.push({ path: ['siteId'], message: 'staffAccounts:form.siteRequired' });
  return result.success && issues.length === 0 ? { ok: true, data: result.data } : { ok: false, issues };
}

/** The function's answer to a done action: the account, and the temporary password to hand over when one was set. */
export const staffAccountsAnswerSchema = z.strictObject({
  account: staffAccountSchema,
  temporaryPassword: z.optional(z.string()),
});
export type StaffAccountsAnswer = z.output<typeof staffAccountsAnswerSchema>;

/** Why the function refused; each is a key of the staffAccounts namespace's errors. */
export const staffAccountsErrorCodes = [
  'not_signed_in',
  'not_allowed',
  'not_found',
  'role_misfit',
  'email_exists',
  'invalid_request',
  'unexpected',
] as const;
export type StaffAccountsErrorCode = (typeof staffAccountsErrorCodes)[number];

export const staffAccountsErrorSchema = z.strictObject({
  code: z.enum(staffAccountsErrorCodes),
  message: z.string(),
});

/** The HTTP status the function answers each refusal with. */
export const staffAccountsErrorStatus: Record<StaffAccountsErrorCode, number> = {
  not_signed_in: 401,
  not_allowed: 403,
  not_found: 404,
  role_misfit: 422,
  email_exists: 422,
  invalid_request: 400,
  unexpected: 500,
};

/** The function's code for a database refusal code (the same words where they mean the same). */
export function accountErrorCode(refusal: string | undefined): StaffAccountsErrorCode {
  return staffAccountsErrorCodes.find((code) => code === refusal && code !== 'not_signed_in') ?? 'unexpected';
}

export interface RoleDefinition {
  role: string;
  level: number;
  unit_sets: string[];
  site_bound: boolean;
}

/**
 * The roles an officer of `mine` may give in `unitSet`: those below its own level that exist in the
 * set (private.may_manage). A site-bound role gives none.
 */
export function rolesToGive<R extends RoleDefinition>(mine: RoleDefinition, unitSet: string, roles: R[]): R[] {
  if (mine.site_bound) return [];
  return roles.filter((role) => role.level > mine.level && role.unit_sets.includes(unitSet)).sort((a, b) => a.level - b.level || a.role.localeCompare(b.role));
}

const passwordAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A password for an administrator to hand over, which its officer replaces at first sign-in: 16
 * characters without look-alikes (0/O, 1/l/I), read aloud or copied without mistakes (≈ 93 bits).
 * Web Crypto, so the Edge Function, the browser and Node all make it the same way.
 */
export function temporaryPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // 256 is not a multiple of 56: the few values past the last whole multiple are drawn again.
  const limit = 256 - (256 % passwordAlphabet.length);
  let out = '';
  for (const byte of bytes) if (byte < limit) out += passwordAlphabet[byte % passwordAlphabet.length];
  if (out.length < 16) out += temporaryPassword().slice(out.length);
  // One draw in twelve has no digit, which Auth's rule refuses: drawn again (still uniform over the passwords it takes).
  return hasLettersAndDigits(out) ? out : temporaryPassword();
}

/** The audit log page (public.staff_audit_log). */
export const auditLogSchema = z.strictObject({
  entries: z.array(
    z.strictObject({
      id: z.number(),
      at: z.string(),
      action: z.enum(['insert', 'update', 'delete']),
      table_name: z.string(),
      row_id: z.string(),
      /** The columns an update changed, by name. */
      changed: z.array(z.string()),
      actor: z.strictObject({ id: uuid(), name: z.nullable(z.string()) }),
      unit: z.strictObject({ id: z.number(), code: z.string(), name: z.string(), name_en: z.nullable(z.string()) }),
    }),
  ),
  more: z.boolean(),
  actors: z.array(z.strictObject({ id: uuid(), name: z.nullable(z.string()) })),
});
export type AuditLog = z.output<typeof auditLogSchema>;
export type AuditEntry = AuditLog['entries'][number];

/** The audit page's filters, as typed: empty means no filter. */
const day = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export const auditFiltersSchema = z.object({
  from: z.optional(day()),
  to: z.optional(day()),
  actor: z.optional(uuid()),
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

/** The filters read from the address (?from=&to=&actor=), dropping any that is not well formed. */
export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of ['from', 'to', 'actor'] as const) {
    const value = params.get(key);
    if (value && z.safeParse(auditFiltersSchema.shape[key], value).success) filters[key] = value;
  }
  // A range that ends before it starts is read as the same days the other way round.
  if (filters.from && filters.to && filters.to < filters.from) [filters.from, filters.to] = [filters.to, filters.from];
  return filters;
}
