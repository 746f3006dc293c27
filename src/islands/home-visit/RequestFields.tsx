// The questions of a home-visit request, in the order a family answers them: the person and why
// they cannot travel, where, what they need, the days that suit, who is asking, messages, consent.
import type { ConsentVersions } from '../../domain/consent.ts';
import { needs, reasons, relationships } from '../../domain/home-visit-basics.ts';
import type { Locale } from '../../i18n/config.ts';
import { hasDistricts, type UnitScope } from '../schedules/units.ts';
import { type AreaCodes, UnitPickers } from '../schedules/UnitPickers.tsx';
import { Checkboxes, Radios } from '../shared/Choices.tsx';
import { ConsentFields } from '../shared/ConsentFields.tsx';
import { MessagesFields, noMessages, type MessagesDraft } from '../shared/MessagesFields.tsx';
import { DateParts, type DatePart } from '../shared/DateParts.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import { TextField } from '../shared/TextField.tsx';
import type { Form } from '../shared/use-form.ts';
import type { Translate } from '../translator.ts';
import { LocationField } from './LocationField.tsx';
import { PreferenceFields } from './PreferenceFields.tsx';

export interface Draft extends AreaCodes, Record<DatePart, string>, MessagesDraft {
  full_name: string;
  old_id_number: string;
  reason: string;
  reason_other: string;
  street_address: string;
  landmark: string;
  lat: number | null;
  lng: number | null;
  needs: string[];
  ethnic_language: string;
  preferred_days: string[];
  preferred_periods: string[];
  requester_name: string;
  requester_phone: string;
  relationship: string;
  /** The id of the consent text agreed to, '' until the box is ticked. */
  consent: string;
}

export const emptyDraft: Draft = {
  full_name: '', day: '', month: '', year: '', old_id_number: '', reason: '', reason_other: '',
  province: '', district: '', ward: '', street_address: '', landmark: '', lat: null, lng: null,
  needs: [], ethnic_language: '', preferred_days: [], preferred_periods: [],
  requester_name: '', requester_phone: '', relationship: '', ...noMessages, consent: '',
};

interface Props {
  t: Translate;
  locale: Locale;
  /** The campaign's units: its set and province. */
  scope: UnitScope;
  form: Form;
  draft: Draft;
  /** The consent texts the page gives, the one in force today shown. */
  consent: ConsentVersions;
  onChange: (change: Partial<Draft>) => void;
}

export function RequestFields({ t, locale, scope, form, draft, consent, onChange: set }: Props) {
  return (
    <>
      <h2>{t('homeVisit:form.heading.person')}</h2>
      <TextField {...form.field('full_name')} autoComplete="off" label={t('homeVisit:person.fullName')} hint={t('homeVisit:person.fullNameHint')}
        value={draft.full_name} onValue={(full_name) => set({ full_name })} />
      <DateParts {...form.field('birth_date')} partIds={{ month: 'birth_month', year: 'birth_year' }} legend={t('homeVisit:person.birthDate')}
        hint={t('homeVisit:person.birthDateHint')} labels={{ day: t('homeVisit:person.day'), month: t('homeVisit:person.month'), year: t('homeVisit:person.year') }}
        value={draft} onChange={(part, value) => set({ [part]: value })} />
      <TextField {...form.field('old_id_number')} inputMode="numeric" autoComplete="off" label={t('homeVisit:person.oldId')} hint={t('homeVisit:person.oldIdHint')}
        value={draft.old_id_number} onValue={(old_id_number) => set({ old_id_number })} />
      <Radios {...form.field('reason')} legend={t('homeVisit:reason.legend')} options={reasons.map((reason) => ({ value: reason, label: t(`homeVisit:reason.${reason}`) }))}
        chosen={draft.reason} onChange={(reason) => set({ reason })} />
      {draft.reason === 'other' && (
        <TextField {...form.field('reason_other')} label={t('homeVisit:reasonOther.label')} value={draft.reason_other} onValue={(reason_other) => set({ reason_other })} />
      )}

      <h2>{t('homeVisit:form.heading.where')}</h2>
      <UnitPickers
        t={t}
        locale={locale}
        scope={scope}
        idPrefix="home"
        value={draft}
        onChange={(area) => set(area)}
        errorOf={form.errorOf}
        labels={{
          province: { label: t('homeVisit:where.province'), empty: t('homeVisit:where.provinceChoose') },
          district: { label: t('homeVisit:where.district'), empty: t('homeVisit:where.districtChoose') },
          // Today's units have no district, and no towns (thị trấn) among the communes.
          ward: { label: t(hasDistricts(scope.unitSet) ? 'homeVisit:where.ward' : 'schedules:form.commune'), empty: t('homeVisit:where.wardChoose') },
        }}
      />
      <TextField {...form.field('street_address')} autoComplete="street-address" label={t('homeVisit:where.address')}
        value={draft.street_address} onValue={(street_address) => set({ street_address })} />
      <TextField {...form.field('landmark')} label={t('homeVisit:where.landmark')} hint={t('homeVisit:where.landmarkHint')}
        value={draft.landmark} onValue={(landmark) => set({ landmark })} />
      <LocationField t={t} {...form.field('location-use')} lat={draft.lat} lng={draft.lng} onChange={(lat, lng) => set({ lat, lng })} />

      <Checkboxes {...form.field('needs')} legend={t('homeVisit:needs.legend')} options={needs.map((need) => ({ value: need, label: t(`homeVisit:needs.${need}`) }))}
        chosen={draft.needs} onChange={(chosen) => set({ needs: chosen })} />
      {draft.needs.includes('ethnic_language') && (
        <TextField {...form.field('ethnic_language')} label={t('homeVisit:language.label')} value={draft.ethnic_language} onValue={(ethnic_language) => set({ ethnic_language })} />
      )}

      <PreferenceFields t={t} form={form} days={draft.preferred_days} chosenPeriods={draft.preferred_periods}
        onChange={({ days, periods }) => set({ ...(days && { preferred_days: days }), ...(periods && { preferred_periods: periods }) })} />

      <h2>{t('homeVisit:form.heading.requester')}</h2>
      <p>{t('homeVisit:requester.lead')}</p>
      <TextField {...form.field('requester_name')} autoComplete="name" label={t('homeVisit:requester.name')}
        value={draft.requester_name} onValue={(requester_name) => set({ requester_name })} />
      <TextField {...form.field('requester_phone')} type="tel" autoComplete="tel" inputMode="tel" label={t('homeVisit:requester.phone')}
        hint={t('homeVisit:requester.phoneHint')} value={draft.requester_phone} onValue={(requester_phone) => set({ requester_phone })} />
      <SelectField {...form.field('relationship')} label={t('homeVisit:relationship.label')} value={draft.relationship} onValue={(relationship) => set({ relationship })}
        options={[{ value: '', label: t('homeVisit:relationship.choose') }, ...relationships.map((relationship) => ({ value: relationship, label: t(`homeVisit:relationship.${relationship}`) }))]} />

      <MessagesFields t={t} form={form} draft={draft} onChange={set} />
      <h2>{t('homeVisit:consent.heading')}</h2>
      <ConsentFields t={t} form={form} kind="homeVisit" texts={consent} label={t('homeVisit:consent.label')} value={draft.consent} onChange={(consent) => set({ consent })} />
    </>
  );
}
