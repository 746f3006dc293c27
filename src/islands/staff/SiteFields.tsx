// The fields of a site (name, kind, address, ward, coordinates, access notes) and the buttons
// under them, shared by the form that adds a site while creating a session and the form that edits
// a saved one, so both ask the same way and name their inputs `<idPrefix>-<field>` for the error
// summary's links.
import { siteFieldIds, siteKinds, type SiteDraft } from '../../domain/staff-sessions.ts';
import { SelectField } from '../shared/SelectField.tsx';
import { TextField } from '../shared/TextField.tsx';
import type { Translate } from '../translator.ts';
import type { Ward } from './scope.ts';
import { wardLabel } from './ward-label.ts';

interface Props {
  t: Translate;
  idPrefix: string;
  site: SiteDraft;
  wards: Ward[];
  /** The officer's unit set, which names the wards' level. */
  unitSet: string;
  onChange: (patch: Partial<SiteDraft>) => void;
  /** The message of a field's problem, by its id suffix (`name`, `ward`…). */
  errorOf: (field: string) => string | undefined;
}

export function SiteFields({ t, idPrefix, site, wards, unitSet, onChange, errorOf }: Props) {
  const prefix = t('staff:form.errorPrefix');
  const field = (name: keyof SiteDraft) => ({ id: `${idPrefix}-${siteFieldIds[name]}`, error: errorOf(siteFieldIds[name]), errorPrefix: prefix });
  return (
    <>
      <TextField {...field('name')} label={t('staff:site.name')} value={site.name} onValue={(name) => onChange({ name })} maxLength={200} />
      <SelectField
        {...field('kind')}
        label={t('staff:site.kind')}
        value={site.kind}
        onValue={(kind) => onChange({ kind })}
        options={[{ value: '', label: t('staff:create.siteChoose') }, ...siteKinds.map((kind) => ({ value: kind, label: t(`staff:kind.${kind}`) }))]}
      />
      <TextField {...field('address')} label={t('staff:site.address')} value={site.address} onValue={(address) => onChange({ address })} maxLength={300} autoComplete="street-address" />
      <SelectField
        {...field('wardId')}
        label={wardLabel(t, unitSet)}
        value={site.wardId}
        onValue={(wardId) => onChange({ wardId })}
        options={[{ value: '', label: t('staff:site.wardChoose') }, ...wards.map((ward) => ({ value: String(ward.id), label: ward.name }))]}
      />
      <TextField {...field('lat')} label={t('staff:site.lat')} hint={t('staff:site.coordinatesHint')} value={site.lat} onValue={(lat) => onChange({ lat })} inputMode="decimal" />
      <TextField {...field('lng')} label={t('staff:site.lng')} value={site.lng} onValue={(lng) => onChange({ lng })} inputMode="decimal" />
      <TextField {...field('accessNotes')} label={t('staff:site.accessNotes')} value={site.accessNotes} onValue={(accessNotes) => onChange({ accessNotes })} maxLength={500} />
    </>
  );
}

/** Save and close, under both site forms: the save button says so while the request runs. */
export function FormButtons({ t, busy, saveLabel, onClose }: { t: Translate; busy: boolean; saveLabel: string; onClose: () => void }) {
  return (
    <div className="staff-actions">
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('staff:create.saving') : saveLabel}
      </button>
      <button type="button" className="button button-secondary" onClick={onClose}>
        {t('staff:create.close')}
      </button>
    </div>
  );
}
