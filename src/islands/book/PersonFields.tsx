// The fields of one person: full name, date of birth in three boxes, optional ID number, kind of
// application.
// From booking-kinds.ts, not booking.ts: the join page shows these fields without the booking schemas.
import { applicationKinds } from '../../domain/booking-kinds.ts';
import { refusalPerson, type Refusal } from '../../domain/errors.ts';
import { Radios } from '../shared/Choices.tsx';
import { DateParts } from '../shared/DateParts.tsx';
import { TextField } from '../shared/TextField.tsx';
import type { Form } from '../shared/use-form.ts';
import type { Translate } from '../translator.ts';

export interface PersonDraft {
  full_name: string;
  day: string;
  month: string;
  year: string;
  id_number: string;
  application_kind: string;
}

export const emptyPerson: PersonDraft = { full_name: '', day: '', month: '', year: '', id_number: '', application_kind: '' };

interface Props {
  index: number;
  person: PersonDraft;
  form: Form;
  t: Translate;
  onChange: (person: PersonDraft) => void;
  onRemove?: () => void;
  /** The group's legend, when "Person 1" does not fit (someone signing up for themselves). */
  legend?: string;
}

/** The id of a person's field, as the error summary links to it (`people-0-full_name`). */
export const personFieldId = (index: number, field: string) => `people-${index}-${field}`;

/** The id of a person's fieldset, which takes the focus once the person before it is removed. */
export const personGroupId = (index: number) => `people-${index}`;

/** The field of the person a refusal from the database is about (`too_young` → their date of birth), if any. */
export function refusalPersonFieldId(refusal: Refusal): string | undefined {
  const person = refusalPerson(refusal);
  const personField: Record<string, string> = {
    invalid_name: 'full_name',
    duplicate_person: 'full_name',
    already_booked: 'full_name',
    invalid_birth_date: 'birth_date',
    too_young: 'birth_date',
    invalid_id_number: 'id_number',
    invalid_application_kind: 'application_kind',
  };
  return person !== undefined && personField[refusal.code] ? personFieldId(person, personField[refusal.code]!) : undefined;
}

export function PersonFields({ index, person, form, t, onChange, onRemove, legend }: Props) {
  const id = (field: string) => personFieldId(index, field);
  return (
    <fieldset className="person" id={personGroupId(index)} tabIndex={-1}>
      <legend>{legend ?? t('book:person.legend', { number: index + 1 })}</legend>
      <TextField
        {...form.field(id('full_name'))}
        autoComplete={index === 0 ? 'name' : 'off'}
        label={t('book:person.fullName')}
        hint={t('book:person.fullNameHint')}
        value={person.full_name}
        onValue={(full_name) => onChange({ ...person, full_name })}
      />
      <DateParts
        {...form.field(id('birth_date'))}
        partIds={{ month: id('birth_month'), year: id('birth_year') }}
        legend={t('book:person.birthDate')}
        hint={t('book:person.birthDateHint')}
        labels={{ day: t('book:person.day'), month: t('book:person.month'), year: t('book:person.year') }}
        value={person}
        onChange={(part, value) => onChange({ ...person, [part]: value })}
      />
      <TextField
        {...form.field(id('id_number'))}
        inputMode="numeric"
        autoComplete="off"
        label={t('book:person.idNumber')}
        hint={t('book:person.idNumberHint')}
        value={person.id_number}
        onValue={(id_number) => onChange({ ...person, id_number })}
      />
      <Radios
        {...form.field(id('application_kind'))}
        legend={t('book:person.kind')}
        options={applicationKinds.map((kind) => ({ value: kind, label: t(`book:kind.${kind}`) }))}
        chosen={person.application_kind}
        onChange={(application_kind) => onChange({ ...person, application_kind })}
      />
      {onRemove && (
        <button type="button" className="button-link" onClick={onRemove}>
          {t('book:person.remove', { number: index + 1 })}
        </button>
      )}
    </fieldset>
  );
}
