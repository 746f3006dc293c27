// One zod schema per namespace: the list of keys every locale file must have, each with a note
// for translators. Keys are flat `area.purpose` strings (i18next runs with keySeparator: false).
import { z } from 'zod';
import type { NamespaceName } from './config.ts';

const text = (description: string) => z.string().trim().min(1).meta({ description });

/**
 * A plural key is stored once per plural category of the locale, as i18next expects: Vietnamese
 * has only `_other`, English `_one` and `_other`. The schema cannot know the locale's categories,
 * so `_one` is optional here and `findPluralFormProblems` (check.ts) checks each locale exactly.
 */
function plural<K extends string>(key: K, description: string) {
  return {
    [`${key}_one`]: text(`${description} (singular, English only)`).optional(),
    [`${key}_other`]: text(description),
  } as { [P in `${K}_one`]: z.ZodOptional<z.ZodString> } & { [P in `${K}_other`]: z.ZodString };
}

export const commonSchema = z.strictObject({
  'site.name': text('Name of the website, in the header and after every page title'),
  'meta.pageTitle': text('Browser tab title of an inner page; {{page}} is its title, {{site}} the site name'),
  'skipLink.label': text('Link at the very top that jumps over the header to the main content'),
  'nav.label': text('Accessible name of the main navigation'),
  'nav.schedules': text('Main navigation: the page listing intake sessions'),
  'nav.booking': text('Main navigation: look up, show or cancel a booking'),
  'nav.guide': text('Main navigation: how to prepare for the visit'),
  'nav.faq': text('Main navigation: questions and answers'),
  'languageSwitcher.label': text('Accessible name of the language switcher'),
  'language.name': text('Name of this language written in itself, shown in the other language’s switcher'),
  'footer.about': text('Footer: one sentence on what the site is for'),
  'footer.disclaimer': text('Footer: who takes applications and that the site never asks for money'),
  'notFound.title': text('Heading and title of the page-not-found page'),
  'notFound.body': text('Page-not-found: what happened and what to do'),
  'notFound.homeLink': text('Page-not-found: link back to the home page'),
});

export const homeSchema = z.strictObject({
  'meta.description': text('Search-result description of the home page'),
  'hero.title': text('Main heading of the home page'),
  'hero.lead': text('Paragraph under the main heading: mobile teams come close to people'),
  'actions.heading': text('Heading above the three calls to action'),
  'actions.schedules': text('Call to action: find an intake session and book a place'),
  'actions.schedulesHint': text('One sentence under the find-a-session link'),
  'actions.homeVisit': text('Call to action: ask officers to come to someone who cannot travel'),
  'actions.homeVisitHint': text('One sentence under the home-visit link: who it is for'),
  'actions.organisations': text('Call to action for schools, agencies and enterprises'),
  'actions.organisationsHint': text('One sentence under the organisations link'),
  'about.heading': text('Heading of the section explaining the campaign'),
  'about.body': text('What the campaign is and why mobile teams come to people'),
  'about.goal': text('National goal of the campaign, with the decision it comes from'),
  'campaign.heading': text('Heading above the figures of the featured provincial campaign'),
  'campaign.province': text('Label: the province of the campaign'),
  'campaign.quota': text('Label: number of applications the province must take'),
  ...plural('campaign.quotaValue', 'Quota value; {{quota}} is the formatted number, count the raw number'),
  'campaign.dailyTarget': text('Label: applications needed per day on average'),
  ...plural('campaign.dailyTargetValue', 'Daily target value; {{target}} is the formatted number'),
  'campaign.deadline': text('Label: date by which the quota must be reached'),
  'campaign.source': text('Label: the directive or article the figures come from'),
  'eligibility.heading': text('Heading: who must apply for a card'),
  'eligibility.age': text('Rule: from which age a citizen is issued a card'),
  'eligibility.renewal': text('Rule: ages at which the card must be changed'),
  'eligibility.oldCard': text('Holders of the old ID card can change it for a chip card'),
  'eligibility.source': text('The law and articles the rules above come from'),
});

export const namespaceSchemas = {
  common: commonSchema,
  home: homeSchema,
} as const satisfies Record<NamespaceName, z.ZodType>;

/** What a validated locale file holds, per namespace. */
export type NamespaceResources = { [N in NamespaceName]: z.output<(typeof namespaceSchemas)[N]> };
