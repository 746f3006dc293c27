import { describe, expect, it } from 'vitest';
import { checkIdNumber, idProvinceCodes } from '../../src/domain/id-number.ts';

describe('checking a personal identification number', () => {
  it('accepts a number with a province code, the century digit and the year of birth', () => {
    expect(checkIdNumber('079080123456', '1980-03-31')).toEqual({ ok: true, kind: 'personal_id' });
    // 1 is a woman born in the 1900s, 3 a woman born in the 2000s, 8 a man born in the 1800s.
    expect(checkIdNumber('001199123456', '1999-12-31')).toEqual({ ok: true, kind: 'personal_id' });
    expect(checkIdNumber('046305123456', '2005-06-01')).toEqual({ ok: true, kind: 'personal_id' });
    expect(checkIdNumber('096899123456', '1899-05-05')).toEqual({ ok: true, kind: 'personal_id' });
  });

  it('accepts the first and the last province code of the list', () => {
    expect(checkIdNumber('001080123456', '1980-01-01').ok).toBe(true);
    expect(checkIdNumber('096080123456', '1980-01-01').ok).toBe(true);
  });

  it.each(['000', '003', '097', '099'])('refuses %s, which is no province', (province) => {
    expect(checkIdNumber(`${province}080123456`, '1980-01-01')).toEqual({ ok: false, reason: 'province' });
  });

  it('refuses a century digit that does not fit the year of birth', () => {
    expect(checkIdNumber('079280123456', '1980-01-01')).toEqual({ ok: false, reason: 'birth_year' });
    expect(checkIdNumber('079005123456', '2005-01-01')).toEqual({ ok: false, reason: 'birth_year' });
    expect(checkIdNumber('079800123456', '1900-01-01')).toEqual({ ok: false, reason: 'birth_year' });
  });

  it('refuses year digits that do not fit the year of birth', () => {
    expect(checkIdNumber('079081123456', '1980-12-31')).toEqual({ ok: false, reason: 'birth_year' });
  });

  it('checks only the format and the province without a date of birth', () => {
    expect(checkIdNumber('079981123456')).toEqual({ ok: true, kind: 'personal_id' });
    expect(checkIdNumber('097081123456')).toEqual({ ok: false, reason: 'province' });
  });

  it('accepts a 9-digit old ID card number on its format alone', () => {
    expect(checkIdNumber('123456789', '1980-01-01')).toEqual({ ok: true, kind: 'old_card' });
    expect(checkIdNumber('000000000')).toEqual({ ok: true, kind: 'old_card' });
  });

  it.each(['12345678', '1234567890', '07908012345', '0790801234567', '07908012345a', '079 080 123456', ''])(
    'refuses %j as malformed',
    (value) => {
      expect(checkIdNumber(value, '1980-01-01')).toEqual({ ok: false, reason: 'format' });
    },
  );

  it('knows 63 distinct province codes between 001 and 096', () => {
    expect(new Set(idProvinceCodes).size).toBe(63);
    for (const code of idProvinceCodes) expect(code).toMatch(/^0(0[1-9]|[1-8][0-9]|9[0-6])$/);
  });
});
