// The consent text of the day: which text a form shows on a date, which texts a page built on a
// date gives its form, and the dated data itself (one text at a time, each law in force from its day).
import { describe, expect, it } from 'vitest';
import { consentTextOn, type ConsentVersions } from '../../src/domain/consent.ts';
import { consentTextInForce, consentTexts, consentTextsSchema, consentVersionsFrom, type ConsentText } from '../../src/domain/consent-texts.ts';
import { consentMessagesFor } from '../../src/i18n/island-messages.ts';

const text = (id: string, valid_from: string, valid_to: string | null): ConsentText => ({
  id,
  valid_from,
  valid_to,
  source: { vi: `Văn bản ${id}`, en: `Text ${id}` },
});
const older = text('older-law', '2023-07-01', '2025-12-31');
const newer = text('newer-law', '2026-01-01', '2027-06-30');
const future = text('future-law', '2027-07-01', null);
const texts = [older, newer, future];

describe('the consent text of a day', () => {
  it('is the one in force, both ends of its period included', () => {
    expect(consentTextInForce('2025-12-31', texts)?.id).toBe('older-law');
    expect(consentTextInForce('2026-01-01', texts)?.id).toBe('newer-law');
    expect(consentTextInForce('2027-06-30', texts)?.id).toBe('newer-law');
    expect(consentTextInForce('2027-07-01', texts)?.id).toBe('future-law');
    expect(consentTextInForce('2023-06-30', texts)).toBeUndefined();
  });

  it('is chosen on the device from the texts the page gave, the first before any is in force', () => {
    const given: ConsentVersions = [
      { id: 'newer-law', valid_from: '2026-01-01', valid_to: '2027-06-30', source: 'x' },
      { id: 'future-law', valid_from: '2027-07-01', valid_to: null, source: 'y' },
    ];
    expect(consentTextOn(given, '2027-06-30').id).toBe('newer-law');
    expect(consentTextOn(given, '2027-07-01').id).toBe('future-law');
    expect(consentTextOn(given, '2025-01-01').id).toBe('newer-law');
  });
});

describe('what a page gives its form', () => {
  it('is the text in force the day it is built and those that start later, in its language only', () => {
    expect(consentVersionsFrom('en', '2026-03-01', texts)).toEqual([
      { id: 'newer-law', valid_from: '2026-01-01', valid_to: '2027-06-30', source: 'Text newer-law' },
      { id: 'future-law', valid_from: '2027-07-01', valid_to: null, source: 'Text future-law' },
    ]);
    expect(consentVersionsFrom('vi', '2027-08-01', texts).map((version) => version.id)).toEqual(['future-law']);
  });

  it('stops the build when no text is in force that day', () => {
    expect(() => consentVersionsFrom('vi', '2023-01-01', texts)).toThrow(/covers 2023-01-01/);
  });

  it('carries the paragraphs of the texts given and no others', () => {
    const versions = consentVersionsFrom('vi', '2026-03-01');
    const keys = Object.keys(consentMessagesFor('vi', versions, 'homeVisit')).sort();
    const ids = versions.map((version) => version.id);
    expect(keys).toEqual(['consent:basis', ...ids.flatMap((id) => [`consent:${id}.homeVisit.keep`, `consent:${id}.homeVisit.what`, `consent:${id}.rights`])].sort());
    expect(keys.some((key) => consentTexts.some((other) => !ids.includes(other.id) && key.includes(other.id)))).toBe(false);
  });
});

describe('the consent texts of the site', () => {
  it('follow Decree 13/2023 to the end of 2025, then the Personal Data Protection Law 91/2025/QH15', () => {
    expect(consentTextInForce('2025-12-31')?.source.en).toBe('Decree 13/2023/NĐ-CP on personal data protection');
    expect(consentTextInForce('2026-01-01')?.source.en).toBe('Personal Data Protection Law 91/2025/QH15');
  });

  it('are refused when two are in force on the same day', () => {
    expect(consentTextsSchema.safeParse([older, { ...newer, valid_from: '2025-12-31' }]).success).toBe(false);
    expect(consentTextsSchema.safeParse([older, newer, future]).success).toBe(true);
  });
});
