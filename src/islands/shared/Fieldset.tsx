// A group of inputs under one question (a date, radios, checkboxes, the area pickers), as GOV.UK's
// fieldset: the legend, an optional hint and the inline error, which the fieldset's
// aria-describedby points at (`<id>-hint`, `<id>-error`); `id` is the first input's, where an
// error summary link lands.
import type { ReactNode } from 'react';
import { describedBy, InlineError } from './ErrorSummary.tsx';
import { Hint, type ErrorProps } from './Field.tsx';

type Props = ErrorProps & {
  id: string;
  legend: string;
  hint?: string | undefined;
  className?: string;
  children: ReactNode;
};

export function Fieldset({ id, legend, hint, error, errorPrefix, className, children }: Props) {
  return (
    <fieldset className={`field${className ? ` ${className}` : ''}${error ? ' field-invalid' : ''}`} aria-describedby={describedBy(id, Boolean(hint), error)}>
      <legend>{legend}</legend>
      <Hint id={id} hint={hint} />
      <InlineError id={id} prefix={errorPrefix ?? ''} message={error} />
      {children}
    </fieldset>
  );
}
