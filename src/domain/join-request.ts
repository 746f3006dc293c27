// The join form's answers, checked and made into join_signup_link's arguments. Apart from the link's
// schemas (signup-links.ts): the join page loads this once the person starts on the form.
import { boolean, maxLength, minLength, object, string, superRefine, trim, type output } from 'zod/mini';
import type { Database } from '../lib/database.types.ts';
import { isOldEnough, personSchema, phoneField, shiftIdField } from './booking.ts';
import { consentField } from './consent.ts';
import { isIsoDate } from './dates.ts';
import { messagesField } from './messages-field.ts';
import { needsGuardianConsent, type LinkInfo } from './join-link.ts';

type Functions = Database['public']['Functions'];

/** The join form, checked against the link's session: age, and a guardian's consent for minors at a school. */
export function joinRequestSchemaFor(info: Pick<LinkInfo, 'org_kind' | 'min_age'> & { session: Pick<LinkInfo['session'], 'date'> }) {
  return object({
    shift_id: shiftIdField('join:shift.required'),
    person: personSchema,
    org_group: string().check(trim(), minLength(1, `join:group.required.${info.org_kind}`), maxLength(100, 'join:group.tooLong')),
    phone: phoneField(`join:phone.required.${info.org_kind}`, 'join:phone.invalid'),
    guardian_consent: boolean(),
    messages: messagesField,
    consent: consentField('join:consent.required'),
  }).check(
    superRefine((request, ctx) => {
      const birth = request.person.birth_date;
      if (!isIsoDate(birth)) return;
      if (!isOldEnough(birth, info.session.date, info.min_age)) {
        ctx.addIssue({ code: 'custom', message: 'booking:birthDate.tooYoung', path: ['person', 'birth_date'], params: { min_age: info.min_age } });
      } else if (needsGuardianConsent(info.org_kind, birth) && !request.guardian_consent) {
        ctx.addIssue({ code: 'custom', message: 'join:guardian.required', path: ['guardian_consent'] });
      }
    }),
  );
}

export type JoinRequest = output<ReturnType<typeof joinRequestSchemaFor>>;

export function toJoinArgs(token: string, request: JoinRequest, idempotencyKey: string) {
  const { full_name, birth_date, id_number, application_kind } = request.person;
  return {
    p_token: token,
    p_shift_id: request.shift_id,
    p_person: { full_name, birth_date, id_number, application_kind },
    p_phone: request.phone,
    p_org_group: request.org_group,
    p_guardian_consent: request.guardian_consent,
    p_consent: request.consent,
    p_idempotency_key: idempotencyKey,
    p_messages: request.messages,
  } satisfies Functions['join_signup_link']['Args'];
}
