// GOV.UK Frontend's form group: a label, an optional hint, the inline error, then the control,
// which gets the id, aria-invalid and aria-describedby (`<id>-hint`, `<id>-error`) from here, so
// every text box, select and text area of the site is wired the same way.
import type { ReactNode } from 'react';
import { describedBy, InlineError } from './ErrorSummary.tsx';

/** What the field hands its control. */
export interface ControlWiring {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A field that can show an error needs the hidden "Error:" read before it; one that cannot, neither. */
export type ErrorProps = { error: string | undefined; errorPrefix: string } | { error?: never; errorPrefix?: never };

export type FieldProps = ErrorProps & {
  id: string;
  label: string;
  hint?: string | undefined;
};

/** The wiring of a control with an optional hint and error. */
export function wiring(id: string, hint: boolean, error: string | undefined): ControlWiring {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) };
}

export function Field({ id, label, hint, error, errorPrefix, children }: FieldProps & { children: (control: ControlWiring) => ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <InlineError id={id} prefix={errorPrefix ?? ''} message={error} />
      {children(wiring(id, Boolean(hint), error))}
    </div>
  );
}

/** A field's hint, `<id>-hint`, when it has one. */
export function Hint({ id, hint }: { id: string; hint: ReactNode | undefined }) {
  if (!hint) return null;
  return (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  );
}
