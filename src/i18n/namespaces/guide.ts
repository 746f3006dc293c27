// Keys of the `guide` namespace (src/i18n/locales/{vi,en}/guide.json), each described for translators.
import { z } from 'zod';
import { text } from './text.ts';

export const guideSchema = z.strictObject({
  'page.title': text('Title of the page, its main heading and browser tab'),
  'page.description': text('One-sentence summary of the page for search results and link previews'),
});
