// A failed schema parse as the error summary lists it: one message per field, the first problem
// of each, translated, in the order the schema found them.
import type { Translate } from '../translator.ts';
import type { FieldError } from './ErrorSummary.tsx';

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

export function fieldErrorsOf(issues: readonly Issue[], fieldOf: (path: readonly PropertyKey[]) => string, t: Translate): FieldError[] {
  const seen = new Set<string>();
  return issues
    .map((issue) => ({ field: fieldOf(issue.path), message: t(issue.message, (issue as { params?: Record<string, number> }).params) }))
    .filter((error) => !seen.has(error.field) && seen.add(error.field));
}
