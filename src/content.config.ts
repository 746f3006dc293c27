// Content collections: the guide and the FAQ in Markdown, one folder per language; fees and card
// rules as data with their legal source and the dates they held. The data schemas live in the
// domain modules that reason over them, so the unit tests check the same shape the build does.
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'zod';
import { cardRuleSchema } from './domain/eligibility.ts';
import { feeScheduleSchema } from './domain/fees.ts';

// Entries are `<lang>/<slug>.md`; the slug is the same in both languages, so a FAQ anchor
// (`#do-i-need-to-book`) links the same question in either.
const guide = defineCollection({
  loader: glob({ pattern: '*/*.md', base: './src/content/guide' }),
  schema: z.strictObject({
    title: z.string().min(3),
    /** Position on the page. */
    order: z.int().positive(),
  }),
});

const faq = defineCollection({
  loader: glob({ pattern: '*/*.md', base: './src/content/faq' }),
  schema: z.strictObject({
    question: z.string().min(5),
    order: z.int().positive(),
  }),
});

const fees = defineCollection({
  loader: file('src/content/fees/schedules.json'),
  schema: feeScheduleSchema,
});

const cardRules = defineCollection({
  loader: file('src/content/law/card-rules.json'),
  schema: cardRuleSchema,
});

export const collections = { guide, faq, fees, cardRules };
