// The sign-up through a link: a shift, the person, class or department, phone, a guardian's
// consent at a school (stressed for a minor), messages, consent.
import type { ConsentVersions } from '../../domain/consent.ts';
import { dateFromParts } from '../../domain/dates.ts';
import { needsGuardianConsent, type LinkInfo } from '../../domain/join-link.ts';
import type { Locale } from '../../i18n/config.ts';
import { formatTime } from '../../lib/format.ts';
import { PersonFields, type PersonDraft } from '../book/PersonFields.tsx';
import { Checkbox } from '../shared/Checkbox.tsx';
import { Radios } from '../shared/Choices.tsx';
import { CheckedForm } from '../shared/CheckedForm.tsx';
import { ConsentFields } from '../shared/ConsentFields.tsx';
import { MessagesFields, type MessagesDraft } from '../shared/MessagesFields.tsx';
import { TextField } from '../shared/TextField.tsx';
import type { Form } from '../shared/use-form.ts';
import type { Translate } from '../translator.ts';

export interface Draft extends MessagesDraft {
  shift_id: string;
  person: PersonDraft;
  org_group: string;
  phone: string;
  guardian_consent: boolean;
  /** The id of the consent text agreed to, '' until the box is ticked. */
  consent: string;
}

interface Props {
  locale: Locale;
  t: Translate;
  form: Form;
  link: LinkInfo;
  draft: Draft;
  /** The consent texts the page gives, the one in force today shown. */
  consent: ConsentVersions;
  onChange: (draft: Draft) => void;
  onSubmit: () => void;
  /** The try being sent, 0 when none. */
  attempt: number;
  problem: string | undefined;
}

export function JoinForm({ locale, t, form, link, draft, consent, onChange, onSubmit, attempt, problem }: Props) {
  const set = (change: Partial<Draft>) => onChange({ ...draft, ...change });
  const minor = needsGuardianConsent(link.org_kind, dateFromParts(draft.person.day, draft.person.month, draft.person.year));
  return (
    <CheckedForm form={form} title={t('common:form.errorTitle')} onSubmit={onSubmit}>
      <p>{t(`join:intro.${link.org_kind === 'school' ? 'school' : 'staff'}`)}</p>
      <Radios
        {...form.field('shift')}
        legend={t('join:shift.legend')}
        options={link.shifts.map((shift) => {
          const open = shift.bookable && shift.places_left > 0;
          const when = t('join:shift.option', { start: formatTime(locale, shift.starts_at), end: formatTime(locale, shift.ends_at) });
          return { value: String(shift.id), disabled: !open, label: `${when} · ${open ? t('join:shift.places', { count: shift.places_left }) : t('join:shift.full')}` };
        })}
        chosen={draft.shift_id}
        onChange={(shift_id) => set({ shift_id })}
      />
      <PersonFields index={0} person={draft.person} form={form} t={t} legend={t('join:person.legend')} onChange={(person) => set({ person })} />
      <TextField
        {...form.field('org_group')}
        label={t(`join:group.label.${link.org_kind}`)}
        hint={t(`join:group.hint.${link.org_kind}`)}
        value={draft.org_group}
        onValue={(org_group) => set({ org_group })}
      />
      <TextField
        {...form.field('phone')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        label={t(`join:phone.label.${link.org_kind}`)}
        hint={t('join:phone.hint')}
        value={draft.phone}
        onValue={(phone) => set({ phone })}
      />
      {link.org_kind === 'school' && (
        <Checkbox
          {...form.field('guardian_consent')}
          label={t('join:guardian.label')}
          hint={t('join:guardian.hint')}
          emphasis={minor}
          checked={draft.guardian_consent}
          onChange={(guardian_consent) => set({ guardian_consent })}
        />
      )}
      <MessagesFields t={t} form={form} draft={draft} onChange={set} />
      <h2>{t('join:consent.heading')}</h2>
      <ConsentFields t={t} form={form} kind="join" texts={consent} label={t('join:consent.label')} value={draft.consent} onChange={(consent) => set({ consent })} />
      <div aria-live="polite">
        {attempt > 1 && <p>{t('join:form.retrying', { attempt })}</p>}
        {problem && <p className="notice notice-error">{problem}</p>}
      </div>
      <button type="submit" className="button" disabled={attempt > 0}>
        {attempt > 0 ? t('join:form.sending') : t('join:form.submit')}
      </button>
    </CheckedForm>
  );
}
