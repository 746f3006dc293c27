// "There is a problem", GOV.UK's pattern: takes focus when it appears, lists each problem as a
// link to its field; following a link focuses the field.
import { useEffect, useId, useRef } from 'react';

export interface FieldError {
  /** The id of the input the message is about. */
  field: string;
  message: string;
}

export function ErrorSummary({ title, errors }: { title: string; errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  // Unique per summary: the staff pages can show one in each of several open forms.
  const titleId = useId();
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      {/* role=alert on an inner element, as GOV.UK does: on the focused container itself some
          screen readers announce the summary twice */}
      <div role="alert">
        <h2 id={titleId}>{title}</h2>
        <ul>
          {errors.map((error) => (
            <li key={`${error.field}:${error.message}`}>
              <a
                href={`#${error.field}`}
                onClick={(event) => {
                  const target = document.getElementById(error.field);
                  if (!target) return;
                  event.preventDefault();
                  target.scrollIntoView({ block: 'center' });
                  target.focus();
                }}
              >
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The inline error of a field, with the hidden prefix screen readers announce. */
export function InlineError({ id, prefix, message }: { id: string; prefix: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      <span className="visually-hidden">{prefix} </span>
      {message}
    </p>
  );
}

/** aria-describedby of a field with an optional hint and error. */
export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}
