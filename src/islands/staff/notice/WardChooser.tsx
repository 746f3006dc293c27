// The wards of the officer's area to choose the notice's from: a plain GET form, so the chosen ward
// lands in the address (`?ward=`) like a shared link.
import type { Locale } from '../../../i18n/config.ts';
import { Field } from '../../shared/Field.tsx';
import { vietnameseData } from '../../shared/Interpolated.tsx';
import type { Translate } from '../../translator.ts';
import { wardLabel } from '../ward-label.ts';
import type { WardChoice } from './data.ts';

/** `unitSet` is the officer's: it names the wards' level. */
export function WardChooser({ locale, t, choices, unitSet }: { locale: Locale; t: Translate; choices: readonly WardChoice[]; unitSet: string }) {
  return (
    <form method="get" className="notice-pick" data-print-hide>
      <Field id="notice-ward" label={wardLabel(t, unitSet)}>
        {(control) => (
          <select {...control} name="ward" defaultValue={choices[0]!.code}>
            {choices.map((ward) => (
              <option key={ward.code} value={ward.code} lang={vietnameseData(locale)}>
                {ward.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button">
        {t('staffNotice:pick.submit')}
      </button>
    </form>
  );
}
