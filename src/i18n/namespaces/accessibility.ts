// Keys of the `accessibility` namespace (src/i18n/locales/{vi,en}/accessibility.json): the
// accessibility statement (/{lang}/accessibility/).
import { z } from 'zod';
import { text } from './text.ts';

export const accessibilitySchema = z.strictObject({
  'footer.link': text('Footer link to the accessibility statement, on every page'),
  'page.title': text('Title of the accessibility statement, its main heading and browser tab'),
  'page.description': text('One-sentence summary of the statement for search results and link previews'),
  'page.lead': text('Paragraph under the heading: everyone should be able to use the site, however they read it'),
  'standard.heading': text('Heading: the standard the site aims for'),
  'standard.body': text('The site aims to meet WCAG 2.2 level AA; {{standard}} is the standard\'s name'),
  'standard.status': text('How far it meets it: partly, with the known limits listed below'),
  'tested.heading': text('Heading: how the site is tested'),
  'tested.axe': text('The pages and forms are checked automatically with axe in a real browser at a phone\'s size, for WCAG 2.0, 2.1 and 2.2 A and AA'),
  'tested.keyboard': text('Booking and the other main forms are tested with the keyboard alone'),
  'tested.reflow': text('Every page fits 320 px wide and with the text size doubled, without sideways scrolling'),
  'tested.html': text('Every page\'s HTML is checked with the Nu HTML Checker'),
  'tested.noScript': text('Information pages work without JavaScript'),
  'limits.heading': text('Heading: known limits'),
  'limits.automatic': text('Automatic checks find only part of the problems; no test with people using assistive technology has been done yet'),
  'limits.map': text('Map pictures cannot be read by a screen reader; every session on the map is also in the list, with its address'),
  'limits.names': text('On English pages, place names of the 2021 units have no English form: they are in Vietnamese, marked so screen readers read them as Vietnamese'),
  'limits.scanner': text('The officers\' QR scanner needs a camera; an officer can type the booking code instead'),
  'report.heading': text('Heading: how to report a problem'),
  'report.body': text('Tell the officers at a session or the commune police what is hard to use and on which page; the police running the campaign will answer'),
  'report.privacyLink': text('Before a link to the privacy notice (its title follows): where the police running each campaign are named'),
});
