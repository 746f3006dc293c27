// Looking a booking up by its code and the phone number given when booking.
import { useEffect } from 'react';
import { lookupRequestSchema } from '../../domain/booking-changes.ts';
import { ErrorSummary } from '../shared/ErrorSummary.tsx';
import { TextField } from '../shared/TextField.tsx';
import { useForm } from '../shared/use-form.ts';
import type { Translate } from '../translator.ts';

export interface Lookup {
  code: string;
  phone: string;
}

interface Props {
  t: Translate;
  /** The code came filled in (a ticket's QR code): the phone is what is left to type. */
  focusPhone: boolean;
  /** Kept by the page, so "back" from a booking finds the form as it was. */
  value: Lookup;
  onChange: (value: Lookup) => void;
  busy: boolean;
  problem: string | undefined;
  onLookup: (code: string, phone: string) => void;
}

export function LookupForm({ t, focusPhone, value, onChange, busy, problem, onLookup }: Props) {
  const form = useForm(t);
  const phone = form.field('phone');
  useEffect(() => {
    if (focusPhone) document.getElementById(phone.id)?.focus();
  }, [focusPhone, phone.id]);
  function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    const checked = form.check(lookupRequestSchema, value, (path) => String(path[0]));
    if (checked) onLookup(checked.code, checked.phone);
  }
  return (
    <form noValidate onSubmit={submit} aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">{t('manage:lookup.heading')}</h2>
      <p>{t('manage:lookup.lead')}</p>
      <ErrorSummary title={t('common:form.errorTitle')} errors={form.errors} />
      <TextField
        {...form.field('code')}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        label={t('manage:lookup.code')}
        hint={t('manage:lookup.codeHint')}
        value={value.code}
        onValue={(code) => onChange({ ...value, code })}
      />
      <TextField {...phone} type="tel" inputMode="tel" autoComplete="tel" label={t('manage:lookup.phone')} value={value.phone} onValue={(phone) => onChange({ ...value, phone })} />
      <div aria-live="polite">{problem && <p className="notice notice-error">{problem}</p>}</div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('manage:lookup.searching') : t('manage:lookup.submit')}
      </button>
    </form>
  );
}
