// The agreement to messages as the booking, sign-up and home-visit forms check it, apart from the
// outbox's schemas (src/domain/outbox.ts) so that the forms' pages load only this.
import { enum as picklist, nullable, pipe, refine, string, strictObject, transform, trim } from 'zod/mini';
import { locales } from '../i18n/config.ts';

// As private.email_address checks it.
const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The agreement as a form holds it (the e-mail as typed, '' for none), checked and made into
 * `p_messages`; an error is about the field `messages` (the e-mail box).
 */
export const messagesField = nullable(strictObject({
  lang: picklist(locales),
  email: pipe(
    string().check(trim(), refine((email) => email === '' || (email.length <= 254 && emailPattern.test(email)), { error: 'common:messages.emailInvalid' })),
    transform((email: string) => email || null),
  ),
}));
