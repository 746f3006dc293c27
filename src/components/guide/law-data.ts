// The content collections the guide, the FAQ and the home page read at build time: entries of one
// language, and the card rules and fee schedules in force on a date.
import { getCollection } from 'astro:content';
import { getT, type Locale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { cardRuleInForce } from '../../domain/eligibility.ts';
import { scheduleInForce } from '../../domain/fees.ts';

/** Entries of `guide` or `faq` in one language (`<lang>/<slug>`), in their `order`, with the slug. */
export async function entriesIn<C extends 'guide' | 'faq'>(collection: C, locale: Locale) {
  const entries = await getCollection(collection, (entry) => entry.id.startsWith(`${locale}/`));
  return entries
    .map((entry) => ({ entry, slug: entry.id.slice(locale.length + 1) }))
    .sort((a, b) => a.entry.data.order - b.entry.data.order);
}

/** Every card rule and fee schedule, and those in force on `date`. */
export async function lawOn(date: string) {
  const rules = (await getCollection('cardRules')).map((entry) => entry.data);
  const schedules = (await getCollection('fees')).map((entry) => entry.data);
  const rule = cardRuleInForce(rules, date);
  // Without a rule the checker would answer nothing: better a failed build than a silent page.
  if (!rule) throw new Error(`No card rule in src/content/law/card-rules.json covers ${date}`);
  return { rules, schedules, rule, schedule: scheduleInForce(schedules, date) };
}

/** The dates a rule or a fee schedule held, for the history tables. */
export function periodText(locale: Locale, { valid_from, valid_to }: { valid_from: string; valid_to: string | null }): string {
  const t = getT(locale, 'guide');
  const from = formatDate(locale, valid_from);
  return valid_to === null ? t('fees.periodOpen', { from }) : t('fees.periodClosed', { from, to: formatDate(locale, valid_to) });
}
