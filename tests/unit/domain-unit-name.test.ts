import { describe, expect, test } from 'vitest';
import { unitName } from '../../src/domain/unit-name.ts';

describe('a unit\'s name on a page', () => {
  const thuanHoa = { name: 'Phường Thuận Hoá', name_en: 'Thuan Hoa Ward' };
  const phuHoi = { name: 'Phường Phú Hội', name_en: null };

  test('is the English name on an English page where the unit has one', () => {
    expect(unitName(thuanHoa, 'en')).toEqual({ text: 'Thuan Hoa Ward', lang: 'en' });
  });

  test('is the Vietnamese name, said to be Vietnamese, on an English page where it has none', () => {
    expect(unitName(phuHoi, 'en')).toEqual({ text: 'Phường Phú Hội', lang: 'vi' });
  });

  test('is the Vietnamese name on a Vietnamese page', () => {
    expect(unitName(thuanHoa, 'vi')).toEqual({ text: 'Phường Thuận Hoá', lang: 'vi' });
  });
});
