// Province → district → ward in the 2021 set, province → commune in the 2025 set, as native
// selects (the phone's own picker, searchable by typing). Each list loads when the level above is
// chosen.
import { useMemo, useState } from 'react';
import { unitName } from '../../domain/unit-name.ts';
import type { Locale } from '../../i18n/config.ts';
import { useRead } from '../shared/use-read.ts';
import { SelectField } from '../shared/SelectField.tsx';
import type { Translate } from '../translator.ts';
import { hasDistricts, loadUnits, type Unit, type UnitScope } from './units.ts';

export interface AreaCodes {
  province: string;
  district: string;
  ward: string;
}

type List = Unit[] | 'loading' | 'error';

/** A list as read: the parent's children (the provinces when `parentId` is undefined), in one attempt. */
interface Loaded {
  parentId: number | undefined;
  attempt: number;
  list: List;
}

/** The children of the unit with `code` in `parents`, loaded again when `attempt` changes. */
function useChildren(scope: UnitScope, parents: List | undefined, code: string, attempt: number): List {
  const parentId = Array.isArray(parents) ? parents.find((unit) => unit.code === code)?.id : undefined;
  const chosen = parents === undefined || parentId !== undefined;
  const [loaded, setLoaded] = useState<Loaded>();
  const { unitSet, provinceCode } = scope;
  const read = useMemo(
    () => (chosen ? async (): Promise<Loaded> => ({ parentId, attempt, list: (await loadUnits({ unitSet, provinceCode }, parentId)) ?? 'error' }) : null),
    [chosen, parentId, attempt, unitSet, provinceCode],
  );
  useRead(read, setLoaded);
  if (!chosen) return [];
  // Another parent, or a retry, shows as loading until its own list comes.
  return loaded && loaded.parentId === parentId && loaded.attempt === attempt ? loaded.list : 'loading';
}

interface Props {
  /** The page's language: names in another language get their `lang`. */
  locale?: Locale;
  /** The campaign's set and province; without it, every province of the 2021 set. */
  scope?: UnitScope;
  value: AreaCodes;
  onChange: (value: AreaCodes) => void;
  t: Translate;
  /** The inline error of each picker, by its id (a form's `errorOf`). */
  errorOf?: (id: string) => string | undefined;
  /** Prefix of the pickers' ids (`schedules-ward`), so a form's error summary links to them. */
  idPrefix?: string;
  /** Labels and empty choices in place of the search's ("All wards" makes no sense in an address). */
  labels?: Record<keyof AreaCodes, { label: string; empty: string }>;
}

const set2021: UnitScope = { unitSet: '2021' };

/**
 * The id of the picker a person must act on to choose a ward: the province while none is chosen,
 * then the district (in a set that has them), then the ward (the pickers below are disabled until
 * then, so an error about the ward is shown, and its summary link lands, there).
 */
export function pickerToAct(idPrefix: string, value: AreaCodes, unitSet = '2021'): string {
  const level: keyof AreaCodes = !value.province ? 'province' : hasDistricts(unitSet) && !value.district ? 'district' : 'ward';
  return `${idPrefix}-${level}`;
}

export function UnitPickers({ locale = 'vi', scope = set2021, value, onChange, t, errorOf, idPrefix = 'schedules', labels }: Props) {
  const [attempt, setAttempt] = useState(0);
  const districted = hasDistricts(scope.unitSet);
  const provinces = useChildren(scope, undefined, '', attempt);
  // Without districts, the district list stays empty (nothing is chosen in it) and wards hang off the province.
  const districts = useChildren(scope, districted ? provinces : [], value.province, attempt);
  const wards = useChildren(scope, districted ? districts : provinces, districted ? value.district : value.province, attempt);
  const failed = [provinces, districts, wards].includes('error');

  function picker(level: keyof AreaCodes, list: List, label: string, empty: string, onSelect: (code: string) => void) {
    const units = Array.isArray(list) ? list : [];
    const id = `${idPrefix}-${level}`;
    return (
      <SelectField
        id={id}
        label={label}
        error={errorOf?.(id)}
        errorPrefix={t('common:form.errorPrefix')}
        value={value[level]}
        disabled={Array.isArray(list) && list.length === 0}
        onValue={onSelect}
        options={[
          { value: '', label: list === 'loading' ? t('schedules:form.unitsLoading') : empty },
          ...units.map((unit) => {
            const name = unitName(unit, locale);
            return { value: unit.code, label: name.text, ...(name.lang !== locale && { lang: name.lang }) };
          }),
        ]}
      />
    );
  }

  return (
    <>
      {picker(
        'province',
        provinces,
        labels?.province.label ?? t('schedules:form.province'),
        labels?.province.empty ?? t('schedules:form.provinceChoose'),
        (province) => onChange({ province, district: '', ward: '' }),
      )}
      {districted &&
        picker('district', districts, labels?.district.label ?? t('schedules:form.district'), labels?.district.empty ?? t('schedules:form.districtAll'), (district) =>
          onChange({ ...value, district, ward: '' }),
        )}
      {picker(
        'ward',
        wards,
        labels?.ward.label ?? t(districted ? 'schedules:form.ward' : 'schedules:form.commune'),
        labels?.ward.empty ?? t(districted ? 'schedules:form.wardAll' : 'schedules:form.communeAll'),
        (ward) => onChange({ ...value, ward }),
      )}
      {failed && (
        <div className="notice notice-error">
          <p>{t(districted ? 'schedules:form.unitsError' : 'schedules:form.unitsErrorCommune')}</p>
          <button type="button" className="button button-secondary" onClick={() => setAttempt(attempt + 1)}>
            {t('schedules:form.retry')}
          </button>
        </div>
      )}
    </>
  );
}
