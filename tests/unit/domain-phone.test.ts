import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from '../../src/domain/phone.ts';

describe('reading a Vietnamese mobile number', () => {
  it.each([
    ['+84 90 123 4567', '0901234567'],
    ['0901234567', '0901234567'],
    ['84-90-123-4567', '0901234567'],
    ['84901234567', '0901234567'],
    ['(090) 123.4567', '0901234567'],
    ['+(84) 90 123 4567', '0901234567'],
    [' 0 3 1 2 3 4 5 6 7 8 ', '0312345678'],
    ['0512345678', '0512345678'],
    ['0712345678', '0712345678'],
    ['0812345678', '0812345678'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    ['0123456789', 'an old 11-digit-era prefix, not a mobile one'],
    ['0241234567', 'a Hà Nội landline'],
    ['0401234567', 'an unused prefix'],
    ['0601234567', 'an unused prefix'],
    ['09012345678', '11 digits'],
    ['090123456', '9 digits'],
    ['+840901234567', 'the country code and the trunk 0 together'],
    ['0084901234567', 'the international call prefix 00'],
    ['0901234567x', 'a letter'],
    ['', 'nothing'],
  ])('refuses %j (%s)', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('refuses a missing number', () => {
    expect(normalizePhone(null)).toBeNull();
    expect(normalizePhone(undefined)).toBeNull();
  });

  it('groups a number as it is read aloud', () => {
    expect(formatPhone('0901234567')).toBe('0901 234 567');
  });
});
