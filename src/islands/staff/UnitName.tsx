// A unit's name on a console page, by the rule of src/domain/unit-name.ts: a Vietnamese name on an
// English page is marked as Vietnamese.
import type { Locale } from '../../i18n/config.ts';
import { unitName, type NamedUnit } from '../../domain/unit-name.ts';

export function UnitName({ locale, unit }: { locale: Locale; unit: NamedUnit }) {
  const name = unitName(unit, locale);
  return name.lang === locale ? <>{name.text}</> : <span lang={name.lang}>{name.text}</span>;
}
