// A unit's name on a console page: on English pages the English name where the unit has one (the
// 2025 set), else the Vietnamese name marked as Vietnamese, so a screen reader reads it as such.
import type { Locale } from '../../i18n/config.ts';

export function UnitName({ locale, unit }: { locale: Locale; unit: { name: string; name_en: string | null } }) {
  if (locale === 'vi') return <>{unit.name}</>;
  return unit.name_en ? <>{unit.name_en}</> : <span lang="vi">{unit.name}</span>;
}
