// Reading what a database function answers. Each function that returns jsonb has one strict zod
// schema of its answer (in src/domain, next to its domain); the answer is parsed with it once,
// where the site calls the API. An answer of another shape is a bug between the database and the
// site: it is logged and read as the refusal `unexpected`, never cast.
import { safeParse, type core, type output } from 'zod/mini';
import type { Refusal } from '../domain/errors.ts';

/** What a call to the database comes back as: the data, a refusal, or no answer at all. */
export type RpcResult<T> = { ok: true; data: T } | { ok: false; refusal: Refusal } | { ok: false; network: true };

/** The schema of one function's answer. */
export type AnswerSchema = core.$ZodType;

/** The data of `name`'s answer when it has the declared shape, else the refusal `unexpected`. */
export function readAnswer<S extends AnswerSchema>(name: string, data: unknown, answer: S): RpcResult<output<S>> {
  const parsed = safeParse(answer, data);
  if (parsed.success) return { ok: true, data: parsed.data };
  console.error(`${name} answered in an unexpected shape`, parsed.error.issues);
  return { ok: false, refusal: { code: 'unexpected', details: {} } };
}
