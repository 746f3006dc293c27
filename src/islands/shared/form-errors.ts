// The pure part of a form's errors: a failed schema parse as the error summary lists it, and the
// message of each field looked up by its id.
import type { Translate } from '../translator.ts';
import type { FieldError } from './ErrorSummary.tsx';

export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** One message per field, the first problem of each, translated, in the order the schema found them. */
export function fieldErrorsOf(issues: readonly Issue[], fieldOf: (path: readonly PropertyKey[]) => string, t: Translate): FieldError[] {
  const seen = new Set<string>();
  return issues
    .map((issue) => ({ field: fieldOf(issue.path), message: t(issue.message, (issue as { params?: Record<string, number> }).params) }))
    .filter((error) => !seen.has(error.field) && seen.add(error.field));
}

/** The message shown at each field id (the first one, when two are about the same field). */
export function errorsByField(errors: readonly FieldError[]): Record<string, string | undefined> {
  const byField: Record<string, string | undefined> = {};
  for (const error of errors) byField[error.field] ??= error.message;
  return byField;
}

/**
 * The errors in the order of their fields on the page (`pageIds`: the ids of the page's elements in
 * document order), as GOV.UK's summary lists them whatever order the schema checked them in; an
 * error whose field is not on the page keeps its order after them.
 */
export function inPageOrder(errors: readonly FieldError[], pageIds: readonly string[]): FieldError[] {
  const position = new Map(pageIds.map((id, index) => [id, index]));
  const at = (error: FieldError) => position.get(error.field) ?? pageIds.length;
  return [...errors].sort((a, b) => at(a) - at(b));
}
