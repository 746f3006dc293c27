// Keys of the `faq` namespace (src/i18n/locales/{vi,en}/faq.json), each described for translators.
import { z } from 'zod';
import { text } from './text.ts';

export const faqSchema = z.strictObject({
  'page.title': text('Title of the page, its main heading and browser tab'),
  'page.description': text('One-sentence summary of the page for search results and link previews'),
});
