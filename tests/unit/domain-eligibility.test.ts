import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import rulesJson from '../../src/content/law/card-rules.json';
import { ageBands, allAnswers, answerFor, cardRuleInForce, cardRuleSchema, currentCards, type AgeBandId, type CardRule } from '../../src/domain/eligibility.ts';

const rules: CardRule[] = z.array(cardRuleSchema).parse(rulesJson);
const law2014 = rules.find((rule) => rule.id === 'law-2014')!;
const law2023 = rules.find((rule) => rule.id === 'law-2023')!;
const band = (id: AgeBandId) => ageBands.find((each) => each.id === id)!;

describe('the card rule in force', () => {
  it('is the 2014 law during the 2021 campaign and the 2023 law from 1 July 2024', () => {
    expect(cardRuleInForce(rules, '2021-04-01')?.id).toBe('law-2014');
    expect(cardRuleInForce(rules, '2024-06-30')?.id).toBe('law-2014');
    expect(cardRuleInForce(rules, '2024-07-01')?.id).toBe('law-2023');
    expect(cardRuleInForce(rules, '2015-12-31')).toBeNull();
  });
});

describe('the age bands', () => {
  it('cover every age once, without gaps', () => {
    ageBands.forEach((each, index) => {
      if (index === 0) expect(each.min).toBe(0);
      else expect(each.min).toBe((ageBands[index - 1]!.max ?? NaN) + 1);
    });
    expect(ageBands.at(-1)!.max).toBeNull();
  });
});

describe('under the 2014 law (the 2021 campaign)', () => {
  const date = '2021-04-01';

  it('issues no card to a child under 14', () => {
    expect(answerFor(law2014, band('6-13'), 'none', date).action).toBe('not_yet');
    expect(answerFor(law2014, band('under-6'), 'none', date).application).toBeNull();
  });

  it('gives a free first card to someone of 14 or more without one, valid until 25', () => {
    const answer = answerFor(law2014, band('14-22'), 'none', date);
    expect(answer.action).toBe('must_apply');
    expect(answer.application).toEqual({ kind: 'first_issue', fee: 'first_issue' });
    expect(answer.newCardValidity).toEqual({ until: 25 });
  });

  it('converts the old ID card for the conversion fee, the old card staying valid', () => {
    for (const card of ['cmnd-9', 'cmnd-12'] as const) {
      const answer = answerFor(law2014, band('26-37'), card, date);
      expect(answer.action).toBe('should_convert');
      expect(answer.application).toEqual({ kind: 'conversion', fee: 'conversion' });
      expect(answer.oldId).toBeUndefined();
    }
  });

  it('asks for the change at 25 in the two years before, free, the new card lasting to 40', () => {
    const answer = answerFor(law2014, band('23-25'), 'cccd-chip', date);
    expect(answer.action).toBe('change_due');
    expect(answer.changeAge).toBe(25);
    expect(answer.application).toEqual({ kind: 'change', fee: 'age_change' });
    expect(answer.newCardValidity).toEqual({ until: 40 });
  });

  it('lets a barcode card be changed for a chip card on request, for the change fee', () => {
    const answer = answerFor(law2014, band('41-57'), 'cccd-barcode', date);
    expect(answer.action).toBe('valid');
    expect(answer.optional).toEqual({ kind: 'change', fee: 'change' });
    expect(answer.nextChangeAge).toBe(60);
    expect(answer.missedChangeAge).toBe(40);
  });

  it('has nothing to offer a chip card holder between change ages', () => {
    const answer = answerFor(law2014, band('26-37'), 'cccd-chip', date);
    expect(answer).toMatchObject({ action: 'valid', optional: null, application: null, nextChangeAge: 40 });
  });

  it('gives a card changed from 58 no expiry date', () => {
    expect(answerFor(law2014, band('58-60'), 'cccd-chip', date).newCardValidity).toEqual({ until: null });
    expect(answerFor(law2014, band('61-plus'), 'cccd-chip', date).nextChangeAge).toBeNull();
  });

  it('flags a card that was never issued at that age', () => {
    expect(answerFor(law2014, band('6-13'), 'cmnd-9', date).action).toBe('check_card');
    expect(answerFor(law2014, band('6-13'), 'cccd-chip', date).action).toBe('check_card');
  });
});

describe('under the 2023 law', () => {
  const date = '2026-11-23';

  it('makes a card optional under 14, a parent applying for a child under 6', () => {
    const under6 = answerFor(law2023, band('under-6'), 'none', date);
    expect(under6).toMatchObject({ action: 'may_apply', representative: 'applies_for_child' });
    expect(under6.application).toEqual({ kind: 'first_issue', fee: 'first_issue' });
    expect(answerFor(law2023, band('6-13'), 'none', date).representative).toBe('comes_with_child');
  });

  it('says a card issued from 12 lasts to 25, one issued younger only to 14', () => {
    expect(answerFor(law2023, band('6-13'), 'none', date).newCardValidity).toEqual({ until: 14, laterFrom: 12, laterUntil: 25 });
  });

  it('treats the old ID card, no longer valid after 2024, as a free first card', () => {
    const answer = answerFor(law2023, band('41-57'), 'cmnd-12', date);
    expect(answer.action).toBe('must_apply');
    expect(answer.application).toEqual({ kind: 'first_issue', fee: 'first_issue' });
    expect(answer.oldId).toEqual({ validUntil: '2024-12-31', expired: true });
    expect(answerFor(law2023, band('41-57'), 'cmnd-12', '2024-09-01').oldId).toEqual({ validUntil: '2024-12-31', expired: false });
  });

  it('keeps a CCCD valid until its date, converting it on request for the conversion fee', () => {
    for (const card of ['cccd-barcode', 'cccd-chip'] as const) {
      const answer = answerFor(law2023, band('26-37'), card, date);
      expect(answer.action).toBe('valid');
      expect(answer.optional).toEqual({ kind: 'conversion', fee: 'conversion' });
    }
  });

  it('does not warn adults about the change at 14, which only concerns cards issued to children', () => {
    expect(answerFor(law2023, band('23-25'), 'cccd-barcode', '2026-11-23').missedChangeAge).toBeUndefined();
    expect(answerFor(law2023, band('26-37'), 'cccd-barcode', '2026-11-23').missedChangeAge).toBe(25);
  });

  it('tells a child holding a card to change it at 14', () => {
    const answer = answerFor(law2023, band('6-13'), 'cccd-chip', date);
    expect(answer).toMatchObject({ action: 'valid', nextChangeAge: 14 });
    expect(answerFor(law2023, band('6-13'), 'cccd-barcode', date).action).toBe('check_card');
  });

  it('answers every combination of age band and card', () => {
    const answers = allAnswers(law2023, date);
    expect(answers).toHaveLength(ageBands.length * currentCards.length);
  });
});
