import { describe, expect, test } from 'vitest';
import { lookupRequestSchema } from '../../src/domain/booking-changes.ts';
import { bookingRequestSchemaFor } from '../../src/domain/booking.ts';
import { messagesFor } from '../../src/i18n/island-messages.ts';
import { errorsByField, fieldErrorsOf, inPageOrder } from '../../src/islands/shared/form-errors.ts';
import { createTranslator } from '../../src/islands/translator.ts';

const t = createTranslator('en', messagesFor('en', ['booking']));

describe("a form's errors", () => {
  test('list one translated message per field, in the order the schema found them', () => {
    const parsed = lookupRequestSchema.safeParse({ code: '', phone: '' });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!.issues, (path) => `lookup-${String(path[0])}`, t);
    expect(errors).toEqual([
      { field: 'lookup-code', message: 'Enter the booking code' },
      { field: 'lookup-phone', message: 'Enter a mobile phone number' },
    ]);
  });

  test('keep only the first problem of a field that has several', () => {
    const schema = bookingRequestSchemaFor({ date: '2026-12-01', minAge: 14 });
    const parsed = schema.safeParse({ shift_id: 1, people: [{ full_name: '', birth_date: 'not a date' }], phone: '', consent: 'law-91-2025', idempotency_key: '0'.repeat(22) });
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues;
    expect(issues.length).toBeGreaterThan(2);
    // Every problem lands on one field here: the summary has one entry, the first problem's.
    const errors = fieldErrorsOf(issues, () => 'people', t);
    expect(errors).toEqual([{ field: 'people', message: t(issues[0]!.message) }]);
  });

  test('are listed in the order of their fields on the page, those not on it last', () => {
    const errors = [
      { field: 'contact_phone', message: 'phone' },
      { field: 'gone', message: 'not on the page' },
      { field: 'preferred_from', message: 'from' },
      { field: 'name', message: 'name' },
    ];
    const ordered = inPageOrder(errors, ['error-summary', 'name', 'preferred_from', 'preferred_from-hint', 'contact_phone']);
    expect(ordered.map((error) => error.field)).toEqual(['name', 'preferred_from', 'contact_phone', 'gone']);
  });

  test('are looked up by field id, the first message winning', () => {
    const byField = errorsByField([
      { field: 'phone', message: 'first' },
      { field: 'phone', message: 'second' },
      { field: 'consent', message: 'tick it' },
    ]);
    expect(byField.phone).toBe('first');
    expect(byField.consent).toBe('tick it');
    expect(byField.code).toBeUndefined();
  });
});
