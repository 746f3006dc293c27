// Step 1 of booking: the people (one to five), the contact phone, messages and consent.
import { useEffect, useRef, useState } from 'react';
import { maxPeoplePerBooking } from '../../domain/booking.ts';
import type { ConsentVersions } from '../../domain/consent.ts';
import { CheckedForm } from '../shared/CheckedForm.tsx';
import { ConsentFields } from '../shared/ConsentFields.tsx';
import { focusWhenShown } from '../shared/focus-when-shown.ts';
import { MessagesFields, type MessagesDraft } from '../shared/MessagesFields.tsx';
import { TextField } from '../shared/TextField.tsx';
import type { Form } from '../shared/use-form.ts';
import type { Translate } from '../translator.ts';
import { emptyPerson, PersonFields, personFieldId, personGroupId, type PersonDraft } from './PersonFields.tsx';

export interface Draft extends MessagesDraft {
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
  /** Back from the check step: the heading takes the focus, as each step's heading does. */
  focusHeading: boolean;
  /** The words of an officer booking for someone else, where the citizen's own do not fit. */
  words?: { lead: string; phoneHint: string; messagesLabel: string; consentLabel: string };
}

export function BookForm({ t, form, draft, consent, onChange, onSubmit, focusHeading, words }: Props) {
  const set = (change: Partial<Draft>) => onChange({ ...draft, ...change });
  // Where the focus goes once the people have changed: the new person's name (their fieldset
  // appears above the button), or after a removal the group now in the removed one's place (the
  // last, when it was the last), which a second Enter cannot remove. An effect, once rendered, so
  // the booking page does not load react-dom's flushSync for it.
  const focusAfter = useRef<string>(undefined);
  const [removed, setRemoved] = useState<number>();
  const addPerson = () => {
    focusAfter.current = personFieldId(draft.people.length, 'full_name');
    setRemoved(undefined);
    set({ people: [...draft.people, { ...emptyPerson }] });
  };
  const removePerson = (index: number) => {
    focusAfter.current = personGroupId(Math.min(index, draft.people.length - 2));
    setRemoved(index);
    set({ people: draft.people.filter((_, i) => i !== index) });
  };
  useEffect(() => {
    document.getElementById(focusAfter.current ?? '')?.focus();
    focusAfter.current = undefined;
  }, [draft.people.length]);
  return (
    <CheckedForm form={form} title={t('common:form.errorTitle')} onSubmit={onSubmit}>
      <h2 tabIndex={-1} ref={focusHeading ? focusWhenShown : undefined}>
        {t('book:form.heading')}
      </h2>
      <p>{words?.lead ?? t('book:form.lead')}</p>
      {draft.people.map((person, index) => (
        <PersonFields
          key={index}
          index={index}
          person={person}
          form={form}
          t={t}
          onChange={(changed) => set({ people: draft.people.map((p, i) => (i === index ? changed : p)) })}
          onRemove={draft.people.length > 1 ? () => removePerson(index) : undefined}
        />
      ))}
      <p role="status" className="visually-hidden">
        {removed !== undefined && t('book:people.removed', { number: removed + 1 })}
      </p>
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
        hint={words?.phoneHint ?? t('book:contact.phoneHint')}
        value={draft.phone}
        onValue={(phone) => set({ phone })}
      />
      <MessagesFields t={t} form={form} draft={draft} onChange={set} label={words?.messagesLabel} />

      <h2>{t('book:consent.heading')}</h2>
      <ConsentFields t={t} form={form} kind="book" texts={consent} label={words?.consentLabel ?? t('book:consent.label')} value={draft.consent} onChange={(consent) => set({ consent })} />
      <button type="submit" className="button">
        {t('book:form.continue')}
      </button>
    </CheckedForm>
  );
}
