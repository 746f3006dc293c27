import { describe, expect, it } from 'vitest';
import { checkChar, codeAlphabet, formatCode, isValidCode, normalizeCode } from '../../src/domain/booking-code.ts';

// Computed by private.code_check_char in Postgres 17 (the migration's own function), so the site
// and the database agree symbol for symbol; tests/db can check the same table.
const sqlVectors: [body: string, check: string][] = [
  ['', '0'],
  ['1', 'Y'],
  ['Z', '1'],
  ['00000000', '0'],
  ['ZZZZZZZZ', '8'],
  ['7KQ2MX4R', 'K'],
  ['ABCD1234', 'A'],
  ['9MZNN5WP', 'W'],
  ['P0HEGN9F', 'V'],
  ['CW81CCXZ', 'H'],
  ['A3JHRD1Z', '9'],
  ['P9E4T824', 'E'],
  ['0BA24AZJ', '0'],
  ['0123456789ABCDEFGHJKMNPQRSTVWXYZ', '8'],
  // Symbols outside the alphabet count as -1 in both, with Postgres's truncating arithmetic.
  ['abc', '5'],
  ['I0U', '4'],
  ['ÀB', 'B'],
];

/** Luhn mod 32 written out from its definition, independently of the module. */
function referenceCheck(body: string): string {
  let sum = 0;
  [...body].reverse().forEach((symbol, position) => {
    const product = codeAlphabet.indexOf(symbol) * (position % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 32) + (product % 32);
  });
  return codeAlphabet[(32 - (sum % 32)) % 32]!;
}

const sampleBodies = ['7KQ2MX4R', 'ABCD1234', '9MZNN5WP', 'P0HEGN9F', '0BA24AZJ', 'XYZ0A1B2', 'M4N5P6Q7'];
const sampleCodes = sampleBodies.map((body) => body + checkChar(body));

describe('the check character of a booking code', () => {
  it.each(sqlVectors)('of %j is %s, as Postgres computes it', (body, check) => {
    expect(checkChar(body)).toBe(check);
  });

  it('is Luhn mod 32: the weighted base-32 digit sums of the whole code are a multiple of 32', () => {
    for (const body of sampleBodies) {
      expect(checkChar(body)).toBe(referenceCheck(body));
      const code = body + checkChar(body);
      let sum = 0;
      [...code].reverse().forEach((symbol, position) => {
        const product = codeAlphabet.indexOf(symbol) * (position % 2 === 1 ? 2 : 1);
        sum += Math.floor(product / 32) + (product % 32);
      });
      expect(sum % 32).toBe(0);
    }
  });

  it('makes every single-symbol substitution of a code invalid, the check symbol included', () => {
    for (const code of sampleCodes) {
      expect(isValidCode(code)).toBe(true);
      for (let position = 0; position < code.length; position++) {
        for (const symbol of codeAlphabet) {
          if (symbol === code[position]) continue;
          const typo = code.slice(0, position) + symbol + code.slice(position + 1);
          expect(isValidCode(typo), `${code} → ${typo}`).toBe(false);
        }
      }
    }
  });

  it('makes every swap of two different neighbouring symbols invalid, except 0 and Z as in any Luhn code', () => {
    const bodies = [...sampleBodies, '0Z0Z0Z0Z', 'Z0123456'];
    for (const body of bodies) {
      const code = body + checkChar(body);
      for (let position = 0; position + 1 < code.length; position++) {
        const [a, b] = [code[position]!, code[position + 1]!];
        if (a === b) continue;
        const swapped = code.slice(0, position) + b + a + code.slice(position + 2);
        const undetectable = new Set([a, b]).size === 2 && [a, b].sort().join('') === '0Z';
        expect(isValidCode(swapped), `${code} → ${swapped}`).toBe(undetectable);
      }
    }
  });
});

describe('reading a typed booking code', () => {
  it('upper-cases it and drops spaces, tabs and dashes', () => {
    expect(normalizeCode(' 7kq2-mx4rk ')).toBe('7KQ2MX4RK');
    expect(normalizeCode('7KQ2\tMX4RK')).toBe('7KQ2MX4RK');
    expect(normalizeCode('7k q2 - mx 4r k')).toBe('7KQ2MX4RK');
  });

  it('reads I and L as 1 and O as 0, as Crockford base32 does', () => {
    expect(normalizeCode('ilo0-IiLlOo')).toBe('1100111100');
    expect(isValidCode(normalizeCode('ABCD-I234A'))).toBe(true);
  });

  it('treats nothing as an empty code', () => {
    expect(normalizeCode(null)).toBe('');
    expect(normalizeCode(undefined)).toBe('');
  });

  it('accepts only 9 alphabet symbols whose last checks the others', () => {
    expect(isValidCode('7KQ2MX4RK')).toBe(true);
    expect(isValidCode('7KQ2MX4R')).toBe(false);
    expect(isValidCode('7KQ2MX4RK0')).toBe(false);
    expect(isValidCode('7kq2mx4rk')).toBe(false);
    expect(isValidCode('7KQ2-MX4RK')).toBe(false);
    // U is outside the alphabet even where the arithmetic would pass.
    expect(isValidCode('U0000000' + checkChar('U0000000'))).toBe(false);
  });
});

describe('showing a booking code', () => {
  it('groups it as 4 and 5 symbols', () => {
    expect(formatCode('7KQ2MX4RK')).toBe('7KQ2-MX4RK');
    expect(formatCode('7kq2 mx4rk')).toBe('7KQ2-MX4RK');
  });

  it('leaves a code of another length ungrouped', () => {
    expect(formatCode('7KQ2MX4R')).toBe('7KQ2MX4R');
  });
});
