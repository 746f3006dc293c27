// Keys of the `staffBook` namespace (src/i18n/locales/{vi,en}/staffBook.json): assisted booking in
// the staff console, where an officer books for a person who phones the commune or comes to the
// office. The form's fields keep the citizen booking form's words (the `book` namespace); these
// are the ones that speak to the officer instead.
import { z } from 'zod';
import { text } from './text.ts';

export const staffBookSchema = z.strictObject({
  'page.title': text('Title of the page, its main heading and browser tab'),
  'page.noscript': text('Shown when JavaScript is off: the page needs it'),
  'page.intro': text('Under the heading, for the officer: who the page is for and what it ends with (a printed ticket)'),
  'link.label': text('Link from the console home to this page'),
  'link.hint': text('One sentence under that link'),
  'form.open': text('Button under the chosen shift that opens the booking form for it'),
  'form.lead': text('Under the heading of the people: what to ask each person'),
  'form.phoneHint': text('Hint under the phone field: the person’s or a relative’s mobile, and what it is for; with an example number'),
  'form.messagesLabel': text('The box for messages, ticked by the officer only when the person, asked, wants them'),
  'form.consentLabel': text('The consent box, ticked by the officer: they read the text above to the person, who agreed'),
  'shift.label': text('Label of the list of shifts to book into'),
  'shift.hint': text('Hint under it: the shifts of the officer’s area still open for booking, soonest first'),
  'shift.choose': text('First entry of the list, chosen until the officer picks a shift'),
  'shift.option_one': text('A shift in the list (singular, English only)').optional(),
  'shift.option_other': text('A shift in the list; {{date}} a long date, {{start}} and {{end}} hours, {{site}} the site’s name, {{count}} the places left'),
  'shift.none': text('The officer’s area has no shift open for booking: sessions must be published first'),
  'done.heading': text('Heading once booked'),
  'done.lead': text('Under it: print the ticket and hand it over, or read out the code and number; {{phone}} is the masked phone the person looks the booking up with'),
  'done.next': text('Button that empties the form to book for the next person'),
});
