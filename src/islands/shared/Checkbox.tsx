// A checkbox with its error above it and an optional hint after its label, as the consent and
// guardian-consent boxes of the booking, join and home-visit forms show it.
import { InlineError, describedBy } from './ErrorSummary.tsx';

interface CheckboxProps {
  id: string;
  label: string;
  hint?: string;
  /** Shown strongly when it applies to the person (a minor's guardian consent). */
  emphasis?: boolean;
  error: string | undefined;
  prefix: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function Checkbox({ id, label, hint, emphasis, error, prefix, checked, onChange }: CheckboxProps) {
  return (
    <div className={`field checkbox${error ? ' field-invalid' : ''}`}>
      <InlineError id={id} prefix={prefix} message={error} />
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
        aria-describedby={describedBy(id, Boolean(hint), error)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {emphasis ? <strong>{hint}</strong> : hint}
        </p>
      )}
    </div>
  );
}
