import { describe, expect, test } from 'vitest';
import { consentTexts } from '../../src/domain/consent-texts.ts';
import { lawsUntil, nameInSentence } from '../../src/domain/privacy-notice.ts';

describe('the privacy notice', () => {
  test('writes a province inside a Vietnamese sentence with its level in lower case', () => {
    expect(nameInSentence('Tỉnh Thừa Thiên Huế', 'vi')).toBe('tỉnh Thừa Thiên Huế');
    expect(nameInSentence('Thành phố Huế', 'vi')).toBe('thành phố Huế');
    expect(nameInSentence('Huế City', 'en')).toBe('Huế City');
    expect(nameInSentence('Tỉnh Tây Ninh', 'en')).toBe('Tỉnh Tây Ninh');
  });

  test('names the law in force on the day and the ones before it', () => {
    expect(lawsUntil('2025-12-31')).toEqual({ current: consentTexts[0], earlier: [] });
    expect(lawsUntil('2026-01-01')).toEqual({ current: consentTexts[1], earlier: [consentTexts[0]] });
    expect(lawsUntil('2023-06-30')).toEqual({ current: undefined, earlier: [] });
  });
});
