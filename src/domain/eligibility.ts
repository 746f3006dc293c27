// Who must apply for a card, when it must be changed and what the application is: the guide's
// eligibility checker. The rules come from law and changed on 1 July 2024, so they are data
// (src/content/law/card-rules.json, each with its source and the dates it held) and this module
// answers for the rule in force on a given date. The checker renders one answer per combination of
// age band and current card from `answerFor`, and CSS only shows the one the reader picked.
import { z } from 'zod';
import type { ApplicationKind } from './booking.ts';
import type { FeeKind } from './fees.ts';
import { inForce, isoDate, localized } from './in-force.ts';

const age = z.int().min(0).max(120);

export const cardRuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    valid_from: isoDate,
    valid_to: isoDate.nullable(),
    /** The law and articles, cited beside the rule on the page. */
    source: localized,
    /** From this age every citizen must hold a card. */
    mandatory_from_age: age,
    /** Younger citizens may apply on request from this age; null: no card before the mandatory age. */
    optional_from_age: age.nullable(),
    /** Below this age a parent or guardian applies and no biometrics are taken; null: not provided. */
    biometrics_from_age: age.nullable(),
    /** Ages at which the card must be changed, ascending. */
    change_ages: z.array(age).min(1),
    /** A card issued this many years (or less) before a change age stays valid to the next one. */
    early_change_years: z.int().min(0).max(5),
    /** What an application from a holder of the old 9- or 12-digit ID card (CMND) is. */
    old_id_application: z.enum(['first_issue', 'conversion']),
    /** Last day the old ID card is valid; null: until the expiry date printed on it. */
    old_id_valid_until: isoDate.nullable(),
    /** What changing a barcode or a chip CCCD on request is; null: nothing to change to. */
    barcode_card_application: z.enum(['conversion', 'change']).nullable(),
    chip_card_application: z.enum(['conversion', 'change']).nullable(),
  })
  .refine((rule) => rule.change_ages.every((value, i, all) => i === 0 || value > all[i - 1]!), 'change_ages ascending');
export type CardRule = z.output<typeof cardRuleSchema>;

/** The rule in force on `date`, or null before the first one. */
export function cardRuleInForce(rules: readonly CardRule[], date: string): CardRule | null {
  return (
    rules
      .filter((rule) => inForce(rule, date))
      .sort((a, b) => b.valid_from.localeCompare(a.valid_from))[0] ?? null
  );
}

/**
 * Age bands cut at the change ages of both laws (14, 25, 40, 60) and the two years before each,
 * when a new card already lasts to the next change; 6 is where biometrics start under the 2023 law.
 * `max` null: no upper bound.
 */
export const ageBands = [
  { id: 'under-6', min: 0, max: 5 },
  { id: '6-13', min: 6, max: 13 },
  { id: '14-22', min: 14, max: 22 },
  { id: '23-25', min: 23, max: 25 },
  { id: '26-37', min: 26, max: 37 },
  { id: '38-40', min: 38, max: 40 },
  { id: '41-57', min: 41, max: 57 },
  { id: '58-60', min: 58, max: 60 },
  { id: '61-plus', min: 61, max: null },
] as const satisfies readonly { id: string; min: number; max: number | null }[];
export type AgeBand = (typeof ageBands)[number];
export type AgeBandId = AgeBand['id'];

export const currentCards = ['none', 'cmnd-9', 'cmnd-12', 'cccd-barcode', 'cccd-chip'] as const;
export type CurrentCard = (typeof currentCards)[number];

/** The old ID card and the CCCD of the 2014 law were issued from 14 only (2014 law, art. 19). */
const oldCardsFromAge = 14;

/** Until when a card issued at age `issuedAt` is valid: the next change age (null: for life). */
function validUntilAge(rule: CardRule, issuedAt: number): number | null {
  return rule.change_ages.find((changeAge) => issuedAt < changeAge - rule.early_change_years) ?? null;
}

/** How long a new card lasts: one age for the whole band, or a later one for its oldest years. */
export interface Validity {
  until: number | null;
  /** Set when the band's older ages fall in the early-change window: from this age … */
  laterFrom?: number;
  /** … the card lasts until this age (null: for life). */
  laterUntil?: number | null;
}

function validityFor(rule: CardRule, band: AgeBand): Validity {
  const oldest = band.max ?? band.min;
  const until = validUntilAge(rule, band.min);
  const oldestUntil = validUntilAge(rule, oldest);
  if (until === oldestUntil) return { until };
  // The band crosses the start of an early-change window (6–13 with the change at 14).
  const laterFrom = (until ?? 0) - rule.early_change_years;
  return { until, laterFrom, laterUntil: oldestUntil };
}

export type Action =
  /** No card yet at this age (2014 law, under 14). */
  | 'not_yet'
  /** A card may be requested, not required (2023 law, under 14). */
  | 'may_apply'
  /** Must apply: no card, or the old ID card no longer valid. */
  | 'must_apply'
  /** Old ID card still valid: apply to convert it (the campaign asks for it). */
  | 'should_convert'
  /** In the years around a change age: change the card by that age. */
  | 'change_due'
  /** The card is valid until the date printed on it. */
  | 'valid'
  /** That card was never issued at that age: check the choice. */
  | 'check_card';

export interface Answer {
  action: Action;
  /** The application to choose when booking, and the fee that applies to it; null: nothing to do. */
  application: { kind: ApplicationKind; fee: FeeKind } | null;
  /** An application the person may make on request (a newer card), with its fee. */
  optional: { kind: ApplicationKind; fee: FeeKind } | null;
  /** How long the card lasts if the person applies now. */
  newCardValidity: Validity | null;
  /** `change_due`: the change age. */
  changeAge?: number;
  /** `valid`: the next change age, when the card must be changed (free); null: none left. */
  nextChangeAge?: number | null;
  /** The last change age already passed: a card issued before its window and not changed has expired. */
  missedChangeAge?: number;
  /** Who applies for a child. */
  representative: 'applies_for_child' | 'comes_with_child' | null;
  /** For an old ID card the law ends: its last valid day, and whether that day has passed. */
  oldId?: { validUntil: string; expired: boolean };
}

function representativeFor(rule: CardRule, band: AgeBand): Answer['representative'] {
  if (band.max === null || band.max >= rule.mandatory_from_age) return null;
  return rule.biometrics_from_age !== null && band.max < rule.biometrics_from_age ? 'applies_for_child' : 'comes_with_child';
}

/** The change age whose early window holds the whole band (23–25 for 25), if any. */
function changeWindow(rule: CardRule, band: AgeBand): number | undefined {
  return rule.change_ages.find((changeAge) => band.max !== null && band.min >= changeAge - rule.early_change_years && band.max <= changeAge);
}

/** What a person of this age band holding this card should do on `date`, under `rule`. */
export function answerFor(rule: CardRule, band: AgeBand, card: CurrentCard, date: string): Answer {
  const base = { application: null, optional: null, newCardValidity: null, representative: null } satisfies Partial<Answer>;
  const youngest = band.min;
  const oldest = band.max ?? Infinity;
  const validity = validityFor(rule, band);

  if (card === 'none') {
    if (youngest >= rule.mandatory_from_age) {
      return { ...base, action: 'must_apply', application: { kind: 'first_issue', fee: 'first_issue' }, newCardValidity: validity };
    }
    if (rule.optional_from_age === null || youngest < rule.optional_from_age) return { ...base, action: 'not_yet' };
    return {
      ...base,
      action: 'may_apply',
      application: { kind: 'first_issue', fee: 'first_issue' },
      newCardValidity: validity,
      representative: representativeFor(rule, band),
    };
  }

  const issuedYoung = oldest < oldCardsFromAge;
  if (card === 'cmnd-9' || card === 'cmnd-12') {
    if (issuedYoung) return { ...base, action: 'check_card' };
    const kind = rule.old_id_application;
    const application = { kind, fee: kind === 'first_issue' ? 'first_issue' : 'conversion' } as const;
    const validUntil = rule.old_id_valid_until;
    if (validUntil === null) return { ...base, action: 'should_convert', application, newCardValidity: validity };
    return { ...base, action: 'must_apply', application, newCardValidity: validity, oldId: { validUntil, expired: date > validUntil } };
  }

  // A CCCD (barcode or chip), or under the 2023 law a chip card issued to a child.
  if (issuedYoung && (card === 'cccd-barcode' || rule.optional_from_age === null)) return { ...base, action: 'check_card' };
  const onRequest = card === 'cccd-barcode' ? rule.barcode_card_application : rule.chip_card_application;
  const optional = onRequest ? { kind: onRequest, fee: onRequest } : null;
  // The change at 14 concerns only cards issued to children, who are past it by the adult bands.
  const missedChangeAge = [...rule.change_ages].reverse().find((changeAge) => changeAge < youngest && changeAge > rule.mandatory_from_age);
  const missed = missedChangeAge === undefined ? {} : { missedChangeAge };
  const dueAt = changeWindow(rule, band);
  if (dueAt !== undefined) {
    return {
      ...base,
      action: 'change_due',
      changeAge: dueAt,
      application: { kind: 'change', fee: 'age_change' },
      newCardValidity: validity,
      ...missed,
    };
  }
  return {
    ...base,
    action: 'valid',
    nextChangeAge: rule.change_ages.find((changeAge) => changeAge > oldest) ?? null,
    optional,
    newCardValidity: optional ? validity : null,
    representative: representativeFor(rule, band),
    ...missed,
  };
}

/** Every combination of age band and card, for the checker to render. */
export function allAnswers(rule: CardRule, date: string): { band: AgeBand; card: CurrentCard; answer: Answer }[] {
  return ageBands.flatMap((band) => currentCards.map((card) => ({ band, card, answer: answerFor(rule, band, card, date) })));
}
