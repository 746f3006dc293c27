// A date typed in three labelled boxes (day, month, year), as STYLE.md habit 6 asks for a date of
// birth: a fieldset with its legend, hint and inline error. The day box carries the field's id,
// so an error summary link lands on it.
import { describedBy, InlineError } from './ErrorSummary.tsx';

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
    <fieldset className={`field date-field${error ? ' field-invalid' : ''}`} aria-describedby={describedBy(id, true, error)}>
      <legend>{legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <InlineError id={id} prefix={errorPrefix} message={error} />
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
    </fieldset>
  );
}
