// Keys of the `progress` namespace (src/i18n/locales/{vi,en}/progress.json), each described for translators.
import { z } from 'zod';
import { text } from './text.ts';

export const progressSchema = z.strictObject({
  'page.title': text('Title of the page, its main heading and browser tab'),
  'page.description': text('One-sentence summary of the page for search results and link previews'),
});
