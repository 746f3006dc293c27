import { describe, expect, test } from 'vitest';
import { brokenManageLinkHash } from '../../src/domain/broken-manage-link.ts';
import { manageLinkHash, parseManageLinkHash } from '../../src/domain/manage-link.ts';
import { lookupHash, parseLookupHash, scannedCode } from '../../src/domain/ticket-link.ts';

/** A valid code; K7M29QX4T has the wrong check character. */
const code = 'K7M29QX4A';
const token = 'a'.repeat(43);

describe('the lookup fragment a ticket’s QR code holds', () => {
  test('carries the code alone and reads it back, as typed or as printed', () => {
    expect(lookupHash(code)).toBe('#lookup=K7M29QX4A');
    expect(lookupHash('k7m2-9qx4a')).toBe('#lookup=K7M29QX4A');
    expect(parseLookupHash(lookupHash(code))).toBe(code);
    expect(parseLookupHash('#lookup=k7m2-9qx4a')).toBe(code);
  });

  test('is never read as the private link, nor the private link as it', () => {
    expect(parseManageLinkHash(lookupHash(code))).toBeNull();
    expect(parseLookupHash(manageLinkHash({ code, token }))).toBeNull();
  });

  test('ignores a code whose check character is wrong', () => {
    expect(parseLookupHash('#lookup=K7M29QX4T')).toBeNull();
    expect(parseLookupHash('')).toBeNull();
  });
});

describe('what the officers’ scanner reads', () => {
  test('the bare code of older tickets', () => {
    expect(scannedCode(code)).toBe(code);
    expect(scannedCode(' k7m2-9qx4a ')).toBe(code);
  });

  test('the booking page’s address of the ticket, from any host and in either language', () => {
    expect(scannedCode(`https://cccd.example.vn/vi/booking/${lookupHash(code)}`)).toBe(code);
    expect(scannedCode(`http://localhost:4321/en/booking/${lookupHash(code)}`)).toBe(code);
  });

  test('nothing else: a private link, another page, another scheme, a wrong code', () => {
    expect(scannedCode(`https://cccd.example.vn/vi/booking/${manageLinkHash({ code, token })}`)).toBeNull();
    expect(scannedCode('https://cccd.example.vn/vi/schedules/')).toBeNull();
    expect(scannedCode(`javascript:alert(1)//${lookupHash(code)}`)).toBeNull();
    expect(scannedCode('K7M29QX4T')).toBeNull();
    expect(scannedCode('hello')).toBeNull();
  });
});

describe('a private link that came broken', () => {
  test('is told apart, with its code when that is a valid one', () => {
    expect(brokenManageLinkHash(`#code=${code}&t=abc`)).toEqual({ code });
    expect(brokenManageLinkHash(`#code=${code}`)).toEqual({ code });
    expect(brokenManageLinkHash('#code=k7m2-9qx4a&t=')).toEqual({ code });
    expect(brokenManageLinkHash('#code=garbage&t=x')).toEqual({ code: null });
    expect(brokenManageLinkHash(`#t=${token}`)).toEqual({ code: null });
  });

  test('is never a whole link, a ticket’s lookup or an empty fragment', () => {
    expect(brokenManageLinkHash(manageLinkHash({ code, token }))).toBeNull();
    expect(brokenManageLinkHash(lookupHash(code))).toBeNull();
    expect(brokenManageLinkHash('')).toBeNull();
  });
});
