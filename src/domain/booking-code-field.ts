// The booking code field of the look-up and change payloads (booking-changes.ts), in a module of
// its own: the day of intake's check-in loads it alone, without the booking schemas, on its first
// check-in, and the booking form never loads it.
import { codePattern, isValidCode, normalizeCode } from './booking-code.ts';
import { bookingMessage as m, normalizedField } from './booking-field.ts';

/** A booking code as typed: normalised, then its format and check letter. */
export const codeField = normalizedField(m('code.required'), normalizeCode, (code) => {
  if (code === '') return m('code.required');
  if (!codePattern.test(code)) return m('code.format');
  if (!isValidCode(code)) return m('code.mistyped');
  return null;
});
