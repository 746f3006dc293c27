import { describe, expect, test } from 'vitest';
import { messagesFor } from '../../src/i18n/island-messages.ts';
import { getT } from '../../src/i18n/index.ts';
import { createTranslator } from '../../src/islands/translator.ts';

describe('the island translator', () => {
  const t = createTranslator('en', { 'x:places_one': '{{count}} place left', 'x:places_other': '{{count}} places left', 'x:hello': 'Hello {{name}}' });

  test('picks the plural form of the language and fills in values', () => {
    expect(t('x:places', { count: 1 })).toBe('1 place left');
    expect(t('x:places', { count: 3 })).toBe('3 places left');
    expect(t('x:hello', { name: 'Lan' })).toBe('Hello Lan');
  });

  test('shows the key of a missing text rather than nothing', () => {
    expect(t('x:missing')).toBe('x:missing');
  });

  test('gives the same text as i18next for the same key and values', () => {
    for (const locale of ['vi', 'en'] as const) {
      const island = createTranslator(locale, messagesFor(locale, ['errors']));
      const server = getT(locale, 'errors');
      expect(island('errors:too_young', { name: 'Lan', min_age: 14 })).toBe(server('too_young', { name: 'Lan', min_age: 14 }));
      expect(island('errors:shift_full')).toBe(server('shift_full'));
    }
  });
});
