// The wards of the officer's area to choose the notice's from: a plain GET form, so the chosen ward
// lands in the address (`?ward=`) like a shared link.
import { Field } from '../../shared/Field.tsx';
import type { Translate } from '../../translator.ts';
import { wardLabel } from '../ward-label.ts';
import type { WardChoice } from './data.ts';

/** `unitSet` is the officer's: it names the wards' level. */
export function WardChooser({ t, choices, unitSet }: { t: Translate; choices: readonly WardChoice[]; unitSet: string }) {
  return (
    <form method="get" className="notice-pick" data-print-hide>
      <Field id="notice-ward" label={wardLabel(t, unitSet)}>
        {(control) => (
          <select {...control} name="ward" defaultValue={choices[0]!.code}>
            {choices.map((ward) => (
              <option key={ward.code} value={ward.code}>
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
