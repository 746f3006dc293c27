// What a form shows beside each field after a failed parse of one of the shared schemas.
import type { ZodMiniType } from 'zod/mini';

/** The messages of a failed parse, by dotted path: what the form shows beside each field. */
export function messages(schema: ZodMiniType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const byPath: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byPath[issue.path.join('.')] ??= []).push(issue.message);
  return byPath;
}
