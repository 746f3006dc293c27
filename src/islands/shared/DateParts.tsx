// GOV.UK's date input: a date typed in three labelled boxes (day, month, year) in a fieldset with
// its legend, hint and inline error, as STYLE.md habit 6 asks for a date of birth. The day box
// carries the field's id, so an error summary link lands on it.
import { Fieldset } from './Fieldset.tsx';

export type DatePart = 'day' | 'month' | 'year';

interface Props {
  /** The id of the day box and the base of the hint and error ids. */
  id: string;
  /** The ids of the month and year boxes. */
  partIds: Record<Exclude<DatePart, 'day'>, string>;
  legend: string;
  hint: string;
  labels: Record<DatePart, string>;
  error: string | undefined;
  errorPrefix: string;
  value: Record<DatePart, string>;
  onChange: (part: DatePart, value: string) => void;
}

export function DateParts({ id, partIds, legend, hint, labels, error, errorPrefix, value, onChange }: Props) {
  return (
    <Fieldset id={id} className="date-field" legend={legend} hint={hint} error={error} errorPrefix={errorPrefix}>
      <div className="date-parts">
        {(['day', 'month', 'year'] as const).map((part) => {
          const partId = part === 'day' ? id : partIds[part];
          return (
            <div key={part} className={`date-part date-${part}`}>
              <label htmlFor={partId}>{labels[part]}</label>
              <input
                id={partId}
                inputMode="numeric"
                pattern="[0-9]*"
                maxLength={part === 'year' ? 4 : 2}
                value={value[part]}
                onChange={(event) => onChange(part, event.currentTarget.value)}
                aria-invalid={error ? true : undefined}
              />
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
