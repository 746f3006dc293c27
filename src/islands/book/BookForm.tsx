// Step 1 of booking: the people (one to five), the contact phone and consent.
import { useEffect, useRef } from 'react';
import { maxPeoplePerBooking } from '../../domain/booking.ts';
import type { ConsentVersions } from '../../domain/consent.ts';
import { CheckedForm } from '../shared/CheckedForm.tsx';
import { ConsentFields } from '../shared/ConsentFields.tsx';
import { TextField } from '../shared/TextField.tsx';
import type { Form } from '../shared/use-form.ts';
import type { Translate } from '../translator.ts';
import { emptyPerson, PersonFields, personFieldId, type PersonDraft } from './PersonFields.tsx';

export interface Draft {
  people: PersonDraft[];
  phone: string;
  /** The id of the consent text agreed to, '' until the box is ticked. */
  consent: string;
}

interface Props {
  t: Translate;
  form: Form;
  draft: Draft;
  /** The consent texts the page gives, the one in force today shown. */
  consent: ConsentVersions;
  onChange: (draft: Draft) => void;
  onSubmit: () => void;
}

export function BookForm({ t, form, draft, consent, onChange, onSubmit }: Props) {
  const set = (change: Partial<Draft>) => onChange({ ...draft, ...change });
  // The new person's fieldset appears above the button: focus goes to their first field once it is
  // rendered (an effect, so the booking page does not load react-dom's flushSync for it).
  const added = useRef(false);
  const addPerson = () => {
    added.current = true;
    set({ people: [...draft.people, { ...emptyPerson }] });
  };
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    document.getElementById(personFieldId(draft.people.length - 1, 'full_name'))?.focus();
  }, [draft.people.length]);
  return (
    <CheckedForm form={form} title={t('common:form.errorTitle')} onSubmit={onSubmit}>
      <h2>{t('book:form.heading')}</h2>
      <p>{t('book:form.lead')}</p>
      {draft.people.map((person, index) => (
        <PersonFields
          key={index}
          index={index}
          person={person}
          form={form}
          t={t}
          onChange={(changed) => set({ people: draft.people.map((p, i) => (i === index ? changed : p)) })}
          onRemove={draft.people.length > 1 ? () => set({ people: draft.people.filter((_, i) => i !== index) }) : undefined}
        />
      ))}
      {draft.people.length < maxPeoplePerBooking ? (
        <button type="button" id="add-person" className="button button-secondary" onClick={addPerson}>
          {t('book:people.add')}
        </button>
      ) : (
        <p id="add-person">{t('book:people.max')}</p>
      )}

      <h2>{t('book:contact.heading')}</h2>
      <TextField
        {...form.field('phone')}
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        label={t('book:contact.phone')}
        hint={t('book:contact.phoneHint')}
        value={draft.phone}
        onValue={(phone) => set({ phone })}
      />

      <h2>{t('book:consent.heading')}</h2>
      <ConsentFields t={t} form={form} kind="book" texts={consent} label={t('book:consent.label')} value={draft.consent} onChange={(consent) => set({ consent })} />
      <button type="submit" className="button">
        {t('book:form.continue')}
      </button>
    </CheckedForm>
  );
}
