// Keys of the `faq` namespace (src/i18n/locales/{vi,en}/faq.json), each described for translators.
// The questions and answers themselves are Markdown in src/content/faq/{vi,en}/.
import { z } from 'zod';
import { text } from './text.ts';

export const faqSchema = z.strictObject({
  'page.title': text('Title of the page, its main heading and browser tab'),
  'page.description': text('One-sentence summary of the page for search results and link previews'),
  'page.lead': text('Paragraph under the heading: open a question to read its answer'),
  'page.more': text('Closing line before the links to the guide and the schedules'),
  'page.guideLink': text('Link to the preparation guide'),
  'page.schedulesLink': text('Link to the list of intake sessions'),
});
