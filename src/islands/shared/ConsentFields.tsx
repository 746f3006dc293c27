// The consent part of a citizen form: the text in force today (the page gives only the texts in
// force from the day it was built; src/domain/consent-texts.ts), the law it follows, and the box.
// Ticked, the box holds the id of the text shown, which the form sends: the database refuses a
// text not in force on its own clock's day (consent_outdated), and the form shows why at the box.
import { consentTextOn, type ConsentForm, type ConsentVersions } from '../../domain/consent.ts';
import { todayInVietnam } from '../../domain/dates.ts';
import { retentionDays } from '../../domain/retention-periods.ts';
import type { Translate } from '../translator.ts';
import { Checkbox } from './Checkbox.tsx';
import type { Form } from './use-form.ts';

interface Props {
  t: Translate;
  form: Form;
  kind: ConsentForm;
  texts: ConsentVersions;
  label: string;
  /** The id of the text agreed to, or '' while the box is not ticked. */
  value: string;
  onChange: (value: string) => void;
}

export function ConsentFields({ t, form, kind, texts, label, value, onChange }: Props) {
  const { id, source } = consentTextOn(texts, todayInVietnam());
  return (
    <>
      <div className="consent-text">
        <p>{t(`consent:${id}.${kind}.what`)}</p>
        <p>{t(`consent:${id}.${kind}.keep`, { days: retentionDays })}</p>
        <p>{t(`consent:${id}.rights`)}</p>
        <p>{t('consent:basis', { source })}</p>
      </div>
      <Checkbox {...form.field('consent')} label={label} checked={value === id} onChange={(checked) => onChange(checked ? id : '')} />
    </>
  );
}
