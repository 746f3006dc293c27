// A labelled text input with an optional hint and its inline error, wired for screen readers
// (aria-describedby, aria-invalid), as every form of the site shows one.
import type { InputHTMLAttributes } from 'react';
import { describedBy, InlineError } from './ErrorSummary.tsx';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  /** The hidden "Error:" read before the message. */
  errorPrefix: string;
  value: string;
  onValue: (value: string) => void;
}

export function TextField({ id, label, hint, error, errorPrefix, value, onValue, ...input }: Props) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <InlineError id={id} prefix={errorPrefix} message={error} />
      <input
        {...input}
        id={id}
        value={value}
        onChange={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
      />
    </div>
  );
}
