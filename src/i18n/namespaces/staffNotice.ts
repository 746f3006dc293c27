// Keys of the `staffNotice` namespace (src/i18n/locales/{vi,en}/staffNotice.json): the printable
// commune notice of the staff console. The `sheet.*` keys are printed and posted for citizens, so
// they speak to residents, not to officers.
import { z } from 'zod';
import { text } from './text.ts';

export const staffNoticeSchema = z.strictObject({
  'page.title': text('Title of the page, its main heading and browser tab'),
  'page.noscript': text('Shown when JavaScript is off: the page needs it'),
  'page.intro': text('Under the heading, for the officer: what the notice is for and where it is posted'),
  'link.label': text('Link from the console home to this page'),
  'link.hint': text('One sentence under that link'),
  'pick.submit': text('Button that shows the notice of the chosen ward'),
  'pick.none': text('The officer’s area has no ward to choose'),
  'ward.notFound': text('The ward code in the address matches no ward; {{code}} is the code'),
  'actions.label': text('Accessible name of the group of controls above the notice'),
  'actions.print': text('Button that opens the browser’s print dialog'),
  'actions.printHint': text('Under the print button: A4 portrait, and saving as PDF to share it'),
  'actions.otherWard': text('Link back to the list of wards, to make another ward’s notice'),
  'sheet.title': text('Printed title of the notice; {{ward}} is the ward’s name, like Phường Phú Hội'),
  'sheet.area': text('Printed line under the title: the district and province of the ward'),
  'sheet.campaign': text('Printed line naming the campaign(s); {{names}} is one name or a list'),
  'sheet.lead': text('Printed first paragraph: police mobile teams come to the ward to take ID card applications'),
  'sheet.range': text('Printed caption of the sessions table; {{from}} and {{to}} are long dates'),
  'sheet.empty': text('Printed when no session is published in the range: the QR code shows later ones'),
  'sheet.where': text('Printed heading of the list of the ward’s intake sites, each with its address and directions once'),
  'sheet.day': text('Printed column heading of the sessions table: the date'),
  'sheet.site': text('Printed column heading of the sessions table: the site, when the ward has more than one'),
  'sheet.address': text('Printed label: the address of the intake site'),
  'sheet.access': text('Printed label: directions or access notes of the site (parking, entrance, ramp)'),
  'sheet.shifts': text('Printed column heading of the sessions table: the shifts of each session'),
  'sheet.shiftTime': text('A shift’s hours; {{start}} and {{end}} like 07:00'),
  'sheet.rule.heading': text('Printed heading: which shift to come to'),
  'sheet.rule.body': text('Printed rule of the campaign: people living near the site come in the evening shift, people from far away by day'),
  'sheet.book.heading': text('Printed heading: booking a place ahead with the QR code'),
  'sheet.book.body': text('Printed: scan the code or open the address to see the schedule and book for free; without a booking people are still served in turn'),
  'sheet.qr': text('Accessible name of the QR code; {{ward}} is the ward'),
  'sheet.bring.booking': text('Printed item of what to bring, after those of the booking page: the booking code if booked'),
  'sheet.printed': text('Printed at the bottom: the date the notice was printed; {{date}}'),
});
