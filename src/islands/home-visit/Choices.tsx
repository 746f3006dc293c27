// A group of checkboxes or radios in a fieldset with its legend, hint and inline error. The first
// input carries the group's id, so an error summary link lands on it.
import { describedBy, InlineError } from '../shared/ErrorSummary.tsx';

interface Props<V extends string> {
  id: string;
  type: 'checkbox' | 'radio';
  legend: string;
  hint?: string;
  options: readonly { value: V; label: string }[];
  chosen: readonly string[];
  error: string | undefined;
  errorPrefix: string;
  onChange: (chosen: V[]) => void;
}

export function Choices<V extends string>({ id, type, legend, hint, options, chosen, error, errorPrefix, onChange }: Props<V>) {
  return (
    <fieldset className={`field${error ? ' field-invalid' : ''}`} aria-describedby={describedBy(id, Boolean(hint), error)}>
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <InlineError id={id} prefix={errorPrefix} message={error} />
      {options.map((option, index) => {
        const inputId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div className={type} key={option.value}>
            <input
              type={type}
              id={inputId}
              name={id}
              value={option.value}
              checked={chosen.includes(option.value)}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                if (type === 'radio') onChange([option.value]);
                else onChange(options.map((o) => o.value).filter((value) => (value === option.value ? on : chosen.includes(value))));
              }}
            />
            <label htmlFor={inputId}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
