// What a form's box for messages and its e-mail field give, before the form's schema checks it
// (src/domain/messages-field.ts). Apart from the schemas, so a form's first load stays light.
import type { Locale } from '../i18n/config.ts';

/** Null unless the box is ticked; messages go in the page's language. */
export function messagesAgreement(agreed: boolean, email: string, lang: Locale): { lang: Locale; email: string } | null {
  return agreed ? { lang, email } : null;
}
