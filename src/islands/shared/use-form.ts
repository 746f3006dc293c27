// One form's errors, GOV.UK style: checked with the form's zod schema on submit, listed in the
// error summary and shown at each field; a refusal from the database about one field is shown
// there the same way. `field(id)` gives a primitive (TextField, Radios, …) its id, its error and
// the hidden "Error:" prefix.
import { useState } from 'react';
import type { Translate } from '../translator.ts';
import type { FieldError } from './ErrorSummary.tsx';
import { errorsByField, fieldErrorsOf, inPageOrder, type Issue } from './form-errors.ts';

/** A zod (or zod/mini) schema, as far as a form needs it. */
interface Schema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

export interface Form {
  errors: FieldError[];
  show: (errors: FieldError[]) => void;
  errorOf: (id: string) => string | undefined;
  field: (id: string) => { id: string; error: string | undefined; errorPrefix: string };
  errorPrefix: string;
  /** The parsed answers, or undefined after showing what to fix; `fieldOf` names the input of an issue's path. */
  /** Shows a refusal from the database at its field like a schema's error; false when it is about no field. */
  showAt: (field: string | undefined, message: string) => boolean;
  check: <T>(schema: Schema<T>, raw: unknown, fieldOf: (path: readonly PropertyKey[]) => string) => T | undefined;
}

export function useForm(t: Translate): Form {
  const [errors, setErrors] = useState<FieldError[]>([]);
  // Called from events, when the form's fields are on the page.
  const show = (shown: FieldError[]) => setErrors(inPageOrder(shown, Array.from(document.querySelectorAll('[id]'), (element) => element.id)));
  const byField = errorsByField(errors);
  const errorPrefix = t('common:form.errorPrefix');
  return {
    errors,
    show,
    errorOf: (id) => byField[id],
    field: (id) => ({ id, error: byField[id], errorPrefix }),
    errorPrefix,
    showAt(field, message) {
      if (field) show([{ field, message }]);
      return Boolean(field);
    },
    check(schema, raw, fieldOf) {
      const parsed = schema.safeParse(raw);
      show(parsed.success ? [] : fieldErrorsOf(parsed.error.issues, fieldOf, t));
      return parsed.success ? parsed.data : undefined;
    },
  };
}
