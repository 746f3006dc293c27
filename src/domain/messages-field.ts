// The agreement to messages as the booking, sign-up and home-visit forms check it, apart from the
// outbox's schemas (src/domain/outbox.ts) so that the forms' pages load only this.
import { enum as picklist, maxLength, nullable, regex, string, strictObject, trim } from 'zod/mini';
import { locales } from '../i18n/config.ts';

// As private.email_address checks it, or nothing.
const optionalEmail = /^(?:[^@\s]+@[^@\s]+\.[^@\s]+)?$/;
const invalid = 'common:messages.emailInvalid';

/**
 * The agreement as a form sends it as `p_messages`: null unless the box is ticked; the e-mail as
 * typed, trimmed, '' for none (private.checked_messages keeps none). An error is about the field
 * `messages` (the e-mail box).
 */
export const messagesField = nullable(strictObject({
  lang: picklist(locales),
  email: string().check(trim(), maxLength(254, invalid), regex(optionalEmail, invalid)),
}));
