// What an island gets of the translations: the namespaces it names, in its page's language, as
// one flat map keyed `ns:key` (the i18next form), resolved here at build time.
import type { ConsentForm, ConsentVersions } from '../domain/consent.ts';
import type { Messages } from '../islands/translator.ts';
import type { Locale, NamespaceName } from './config.ts';
import { resources } from './resources.ts';

type CommonKey = keyof (typeof resources)[Locale]['common'];

/** What every island's form fields share, whichever namespaces it names. */
const sharedKeys: readonly CommonKey[] = ['form.errorPrefix', 'form.errorTitle'];

/** The words of the demonstration note (islands/shared/DemonstrationNote.tsx), for the islands that show it. */
export const demonstrationKeys: readonly CommonKey[] = ['demonstration.label', 'demonstration.note'];

/** The words of the agreement to messages (islands/shared/MessagesFields.tsx), for the forms that ask it. */
export const messagesAgreementKeys: readonly CommonKey[] = [
  'messages.heading', 'messages.label', 'messages.hint', 'messages.email', 'messages.emailHint', 'messages.emailInvalid',
];

/** Some keys of the `common` namespace, keyed `common:key`. */
export function commonMessagesFor(locale: Locale, keys: readonly CommonKey[]): Messages {
  return Object.fromEntries(keys.map((key) => [`common:${key}`, resources[locale].common[key]]));
}

export function messagesFor(locale: Locale, namespaces: readonly NamespaceName[]): Messages {
  const messages = commonMessagesFor(locale, sharedKeys);
  for (const ns of namespaces) {
    for (const [key, value] of Object.entries(resources[locale][ns] as Record<string, string>)) {
      messages[`${ns}:${key}`] = value;
    }
  }
  return messages;
}

/** The paragraphs of a form's consent texts (the `consent` namespace): those of the texts given only. */
export function consentMessagesFor(locale: Locale, versions: ConsentVersions, form: ConsentForm): Messages {
  const strings: Record<string, string> = resources[locale].consent;
  const keys = ['basis', ...versions.flatMap(({ id }) => [`${id}.${form}.what`, `${id}.${form}.keep`, `${id}.rights`])];
  return Object.fromEntries(keys.map((key) => [`consent:${key}`, strings[key] ?? missing(key, locale)]));
}

function missing(key: string, locale: Locale): never {
  throw new Error(`The consent namespace (${locale}) has no "${key}"`);
}
