// Made-up citizens for the db and e2e tests and the booking benchmark: random Vietnamese names
// (letters only), birth dates, mobile numbers and idempotency keys, so runs never collide with each other.
import { randomInt } from 'node:crypto';
import type { ApplicationKind } from '../../src/domain/booking.ts';
import { consentTextInForce } from '../../src/domain/consent-texts.ts';
import { todayInVietnam } from '../../src/domain/dates.ts';

/** An idempotency key made as the booking form makes it. */
export { newIdempotencyKey as idempotencyKey } from '../../src/domain/idempotency-key.ts';

/** The consent a person gives today, as the forms send it: the id of the text in force. */
export const consentInForce: string = consentTextInForce(todayInVietnam())?.id ?? 'none-in-force';

export interface PersonInput {
  full_name: string;
  birth_date: string;
  id_number: string | null;
  application_kind: ApplicationKind;
}

const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const syllables = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hương', 'Khánh', 'Lan', 'Linh', 'Minh', 'Nam', 'Ngọc', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến'];
const pick = (list: string[]) => list[randomInt(list.length)]!;

/** A person nobody else in the run is, in practice: a random name and birth date. */
export function person(overrides: Partial<PersonInput> = {}): PersonInput {
  const birth = `${1950 + randomInt(50)}-${String(1 + randomInt(12)).padStart(2, '0')}-${String(1 + randomInt(28)).padStart(2, '0')}`;
  return {
    full_name: `${pick(families)} ${pick(syllables)} ${pick(syllables)} ${pick(syllables)} ${pick(syllables)}`,
    birth_date: birth,
    id_number: null,
    application_kind: 'conversion',
    ...overrides,
  };
}

export function phone(): string {
  return `09${String(randomInt(100_000_000)).padStart(8, '0')}`;
}
