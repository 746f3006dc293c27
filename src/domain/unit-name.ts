// A unit's name as a page in one language shows it: on English pages the English name where the
// unit has one (the 2025 set), else the Vietnamese name, which the page marks as Vietnamese so a
// screen reader reads it as such.
import type { Locale } from '../i18n/config.ts';

export interface NamedUnit {
  name: string;
  /** Null in the 2021 set. */
  name_en: string | null;
}

/** A unit's name in the page's language, and the language it is written in (for `lang`). */
export function unitName(unit: NamedUnit, locale: Locale): { text: string; lang: Locale } {
  if (locale === 'en' && unit.name_en) return { text: unit.name_en, lang: 'en' };
  return { text: unit.name, lang: 'vi' };
}
