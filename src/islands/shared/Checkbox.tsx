// A single checkbox (consent, a guardian's consent) with its error above it and an optional hint
// after its label, as GOV.UK shows one.
import { describedBy, InlineError } from './ErrorSummary.tsx';
import { Hint } from './Field.tsx';

interface CheckboxProps {
  id: string;
  label: string;
  hint?: string;
  /** Shown strongly when it applies to the person (a minor's guardian consent). */
  emphasis?: boolean;
  error: string | undefined;
  errorPrefix: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function Checkbox({ id, label, hint, emphasis, error, errorPrefix, checked, onChange }: CheckboxProps) {
  return (
    <div className={`field checkbox${error ? ' field-invalid' : ''}`}>
      <InlineError id={id} prefix={errorPrefix} message={error} />
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
      />
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint && (emphasis ? <strong>{hint}</strong> : hint)} />
    </div>
  );
}
