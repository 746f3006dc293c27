import { describe, expect, it } from 'vitest';
import {
  errorMessageKey,
  isRefusalCode,
  networkErrorKey,
  readRefusal,
  refusalCodes,
  refusalMessage,
  refusalPerson,
  refusalPlacesLeft,
} from '../../src/domain/errors.ts';
import { getT, type Locale } from '../../src/i18n/index.ts';
import { resources } from '../../src/i18n/resources.ts';

/** The text of an `errors:` key, as an island with useTranslation(['booking', 'errors']) shows it. */
function text(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  return getT(locale, 'errors')(key.replace(/^errors:/, '') as 'unexpected', values);
}

describe('refusal codes', () => {
  it('each have a text in Vietnamese and in English', () => {
    for (const locale of ['vi', 'en'] as const) {
      expect(Object.keys(resources[locale].errors).sort()).toEqual([...refusalCodes, 'network'].sort());
    }
  });

  it('map to their errors key, and anything else to unexpected', () => {
    expect(errorMessageKey('shift_full')).toBe('errors:shift_full');
    expect(errorMessageKey('too_young')).toBe('errors:too_young');
    expect(errorMessageKey('PGRST202')).toBe('errors:unexpected');
    expect(errorMessageKey('')).toBe('errors:unexpected');
    expect(errorMessageKey(null)).toBe('errors:unexpected');
    expect(isRefusalCode('toString')).toBe(false);
  });

  it('give texts that say what to do next', () => {
    const en = getT('en', 'errors');
    expect(en('shift_full')).toBe('This shift has no places left. Choose another shift or another session nearby.');
    expect(en('rate_limited')).toBe('Too many attempts. Wait a few minutes and try again.');
    expect(getT('vi', 'errors')('shift_full')).toBe('Ca này đã hết chỗ. Hãy chọn ca khác hoặc một buổi cấp khác gần bạn.');
    expect(text('vi', networkErrorKey)).toMatch(/kết nối Internet/);
  });
});

describe('reading a refusal from supabase-js', () => {
  it('parses the details PostgREST sends as JSON in a string', () => {
    const refusal = readRefusal({ code: 'too_young', details: '{"person": 1, "min_age": 14}' });
    expect(refusal).toEqual({ code: 'too_young', details: { person: 1, min_age: 14 } });
    expect(refusalPerson(refusal)).toBe(1);
  });

  it('turns an unknown code, a network failure or broken details into a safe refusal', () => {
    expect(readRefusal({ code: '', details: 'TypeError: fetch failed' })).toEqual({ code: 'unexpected', details: {} });
    expect(readRefusal({ code: 'shift_full', details: '[1]' })).toEqual({ code: 'shift_full', details: {} });
    expect(readRefusal(null)).toEqual({ code: 'unexpected', details: {} });
    expect(refusalPerson({ code: 'invalid_people', details: { person: -1 } })).toBeUndefined();
  });

  it('reads the places a full shift had left, from its refusal only', () => {
    expect(refusalPlacesLeft(readRefusal({ code: 'shift_full', details: '{"places_left": 2}' }))).toBe(2);
    expect(refusalPlacesLeft(readRefusal({ code: 'shift_full', details: '{"places_left": 0}' }))).toBe(0);
    expect(refusalPlacesLeft(readRefusal({ code: 'shift_full', details: '{}' }))).toBeUndefined();
    expect(refusalPlacesLeft({ code: 'shift_full', details: { places_left: -1 } })).toBeUndefined();
    expect(refusalPlacesLeft({ code: 'link_full', details: { places_left: 3 } })).toBeUndefined();
  });

  it('fills the text with the name of the person it is about and the figures it carries', () => {
    const names = ['Nguyễn Văn An', 'Nguyễn Thị Cúc'];
    const tooYoung = refusalMessage(readRefusal({ code: 'too_young', details: '{"person": 1, "min_age": 14}' }), names);
    expect(tooYoung).toEqual({ key: 'errors:too_young', values: { name: 'Nguyễn Thị Cúc', min_age: 14 } });
    expect(text('vi', tooYoung.key, tooYoung.values)).toBe(
      'Nguyễn Thị Cúc chưa đủ 14 tuổi vào ngày của buổi cấp. Hãy chọn buổi cấp sau khi người này đủ 14 tuổi, hoặc bỏ người này khỏi danh sách.',
    );
    const phoneLimit = refusalMessage(readRefusal({ code: 'phone_limit', details: '{"max": 10}' }));
    expect(text('en', phoneLimit.key, phoneLimit.values)).toContain('(10)');
  });
});
