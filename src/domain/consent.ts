// Which consent text a citizen form shows and sends: the one following the law on personal data in
// force on the day consent is given. The texts are dated data (src/content/law/consent-texts.json;
// consent-texts.ts reads it when a page is built and gives the page only the texts in force from
// that day on). This module loads no zod but zod/mini, so the citizen islands can use it.
import { regex, string } from 'zod/mini';
import { inForce } from './dates.ts';

/** The forms that ask for consent; their paragraphs are `consent:<id>.<form>.what` and `.keep`. */
export const consentForms = ['book', 'join', 'homeVisit', 'organisations'] as const;
export type ConsentForm = (typeof consentForms)[number];

/** A consent text as a page gives it to its island: its id, its dates and its source in the page's language. */
export interface ConsentVersion {
  id: string;
  valid_from: string;
  valid_to: string | null;
  source: string;
}

/** The texts a page ships, in date order: at least the one in force the day it was built. */
export type ConsentVersions = readonly [ConsentVersion, ...ConsentVersion[]];

/**
 * The text in force on `date`. Before the first one (a device whose clock is far behind) the first
 * is shown; the database, on its own clock, refuses a text that is not in force (consent_outdated).
 */
export function consentTextOn<T extends { valid_from: string; valid_to: string | null }>(texts: readonly [T, ...T[]], date: string): T {
  return texts.find((text) => inForce(text, date)) ?? texts[0];
}

/** The consent box of a form: ticked, it holds the id of the text shown; unticked, ''. */
export const consentField = (message: string) => string({ error: message }).check(regex(/^[a-z0-9-]{3,40}$/, message));
