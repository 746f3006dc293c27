// The look-up and change payloads of a booking (the manage page; the day of intake's check-in
// loads their code field alone): one zod schema each, on the booking's rules (booking-field.ts), in a module of their own so the
// booking form loads without them. Messages are keys of the `booking` namespace, as there.
import { array, maxLength, minLength, object, optional, refine, regex, string, superRefine, type core, type output } from 'zod/mini';
import type { Database } from '../lib/database.types.ts';
import { codeField } from './booking-code-field.ts';
import { bookingMessage as m, maxPeoplePerBooking, phoneField, shiftIdField } from './booking-field.ts';
import { manageTokenPattern } from './manage-link.ts';

type Functions = Database['public']['Functions'];

/** The manage token of the booking link (its pattern: manage-link.ts). */
const tokenField = string({ error: m('token.invalid') }).check(regex(manageTokenPattern, m('token.invalid')));

/** Look up a booking with its code and the phone number given when booking. */
export const lookupRequestSchema = object({ code: codeField, phone: phoneField() });
/** Look up a booking with its code and the manage token of the booking link. */
export const tokenLookupRequestSchema = object({ code: codeField, token: tokenField });

export type LookupRequest = output<typeof lookupRequestSchema>;
export type TokenLookupRequest = output<typeof tokenLookupRequestSchema>;

export function toLookupArgs(request: LookupRequest): { p_code: string; p_phone: string };
export function toLookupArgs(request: TokenLookupRequest): { p_code: string; p_token: string };
export function toLookupArgs(
  request: LookupRequest | TokenLookupRequest,
): { p_code: string; p_phone: string } | { p_code: string; p_token: string } {
  const args = 'token' in request ? { p_code: request.code, p_token: request.token } : { p_code: request.code, p_phone: request.phone };
  return args satisfies Functions['lookup_booking']['Args'];
}

// A change proves the booking with the phone number or the manage token; the codes, when given,
// limit the change to some people of the group (the others keep their places).
const changeShape = {
  code: codeField,
  phone: optional(phoneField()),
  token: optional(tokenField),
  codes: optional(
    array(codeField).check(
      minLength(1, m('form.reload')),
      maxLength(maxPeoplePerBooking, m('form.reload')),
      refine((codes: string[]) => new Set(codes).size === codes.length, m('form.reload')),
    ),
  ),
};

function requireProof(request: { phone?: string | undefined; token?: string | undefined }, ctx: core.$RefinementCtx) {
  if (request.phone === undefined && request.token === undefined) {
    ctx.addIssue({ code: 'custom', message: m('phone.required'), path: ['phone'] });
  }
}

export const cancelRequestSchema = object(changeShape).check(superRefine(requireProof));
export const moveRequestSchema = object({ ...changeShape, shift_id: shiftIdField() }).check(superRefine(requireProof));

export type CancelRequest = output<typeof cancelRequestSchema>;
export type MoveRequest = output<typeof moveRequestSchema>;

export interface CancelBookingArgs {
  p_code: string;
  p_phone?: string;
  p_token?: string;
  p_codes?: string[];
}
export interface MoveBookingArgs extends CancelBookingArgs {
  p_shift_id: number;
}

// Absent proofs are left out, not sent as null: the functions' defaults apply, and the generated
// argument types (optional, not nullable) accept them.
function changeArgs(request: CancelRequest): CancelBookingArgs {
  return {
    p_code: request.code,
    ...(request.phone !== undefined && { p_phone: request.phone }),
    ...(request.token !== undefined && { p_token: request.token }),
    ...(request.codes !== undefined && { p_codes: request.codes }),
  };
}

export function toCancelBookingArgs(request: CancelRequest): CancelBookingArgs {
  return changeArgs(request) satisfies Functions['cancel_booking']['Args'];
}

export function toMoveBookingArgs(request: MoveRequest): MoveBookingArgs {
  return { ...changeArgs(request), p_shift_id: request.shift_id } satisfies Functions['move_booking']['Args'];
}
