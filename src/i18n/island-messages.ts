// What an island gets of the translations: the namespaces it names, in its page's language, as
// one flat map keyed `ns:key` (the i18next form), resolved here at build time.
import type { Messages } from '../islands/translator.ts';
import type { Locale, NamespaceName } from './config.ts';
import { resources } from './resources.ts';

/** What every island's form fields share, whichever namespaces it names. */
const sharedKeys = ['form.errorPrefix', 'form.errorTitle'] as const;

export function messagesFor(locale: Locale, namespaces: readonly NamespaceName[]): Messages {
  const messages: Messages = Object.fromEntries(sharedKeys.map((key) => [`common:${key}`, resources[locale].common[key]]));
  for (const ns of namespaces) {
    for (const [key, value] of Object.entries(resources[locale][ns] as Record<string, string>)) {
      messages[`${ns}:${key}`] = value;
    }
  }
  return messages;
}
