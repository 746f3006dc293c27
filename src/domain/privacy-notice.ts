// What the privacy notice derives from the data the code itself uses: the name of a campaign's
// province as it reads inside a sentence, and the laws on personal data the consent texts follow
// (src/content/law/consent-texts.json), the one in force and those before it.
import type { Locale } from '../i18n/config.ts';
import { consentTexts, type ConsentText } from './consent-texts.ts';
import { inForce } from './in-force.ts';

/**
 * "Tỉnh Thừa Thiên Huế" as a Vietnamese page writes it after "Công an": "tỉnh Thừa Thiên Huế"; an
 * English page keeps the name as it is.
 */
export function nameInSentence(name: string, pageLocale: Locale): string {
  return pageLocale === 'vi' ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}

/** The law in force on `date`, and the ones that held before it, latest first. */
export function lawsUntil(date: string, texts: readonly ConsentText[] = consentTexts): { current: ConsentText | undefined; earlier: ConsentText[] } {
  return {
    current: texts.find((text) => inForce(text, date)),
    earlier: texts.filter((text) => text.valid_to !== null && text.valid_to < date).reverse(),
  };
}
