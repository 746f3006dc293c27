// Keys of the `queue` namespace (src/i18n/locales/{vi,en}/queue.json), each described for translators.
import { z } from 'zod';
import { text } from './text.ts';

export const queueSchema = z.strictObject({
  'page.title': text('Title of the page, its main heading and browser tab'),
  'page.description': text('One-sentence summary of the page for search results and link previews'),
  'page.noscript': text('Shown when JavaScript is off: the board needs it to read and refresh the numbers'),
  'board.loading': text('While the board is read for the first time'),
  'board.missing': text('The address has no session number, or a malformed one'),
  'board.notFound': text('No published session has this number'),
  'board.findSession': text('Link to the schedules page, after a missing or unknown session'),
  'board.cancelled': text('The session has been cancelled'),
  'board.shift': text('Heading of one shift; {{start}} and {{end}} are times like 07:00'),
  'board.inProgress': text('Badge beside the shift running now'),
  'board.nowServing': text('Label above the big number: the queue number being served now'),
  'board.notStarted': text('In place of the big number when no number has been called yet in the shift'),
  'board.calledBefore': text('Numbers called before the one being served whose holders have not come up yet; {{numbers}} like 4, 3'),
  'board.lastIssued': text('The last queue number handed out in the shift; {{number}}'),
  'board.noneIssued': text('No queue number handed out yet in the shift'),
  'board.updatedAt': text('When the numbers were last read; {{time}} is like 14:05:09'),
  'board.refreshHint': text('Tells the reader the board refreshes by itself, about every 10 seconds'),
  'board.offline': text('Refresh failed at {{time}}: the board shows the last numbers and keeps trying'),
  'board.announce': text('Read out by screen readers when a shift calls a new number; {{start}}, {{end}}, {{number}}'),
});
