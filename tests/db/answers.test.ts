// Every public function that answers jsonb has one declared shape, which the site parses its
// answers with: the registry of the tests (support/answers.ts) names exactly those functions, and
// every shape is strict all the way down, so an extra, missing or retyped key fails the parse.
import { describe, expect, it } from 'vitest';
import { $ZodArray, $ZodNever, $ZodNullable, $ZodObject, $ZodOptional, $ZodPipe, $ZodUnion, type $ZodType } from 'zod/v4/core';
import { answerSchemas } from './support/answers.ts';
import { sql } from './support/fixtures.ts';

/** The paths inside a schema where an object lets unknown keys through or a value is not declared. */
function looseParts(schema: $ZodType, path: string): string[] {
  if (schema instanceof $ZodObject) {
    const { catchall, shape } = schema._zod.def;
    return [
      ...(catchall instanceof $ZodNever ? [] : [`${path} lets unknown keys through`]),
      ...Object.entries(shape).flatMap(([key, value]) => looseParts(value, `${path}.${key}`)),
    ];
  }
  if (schema instanceof $ZodNullable || schema instanceof $ZodOptional) return looseParts(schema._zod.def.innerType, path);
  if (schema instanceof $ZodArray) return looseParts(schema._zod.def.element, `${path}[]`);
  if (schema instanceof $ZodUnion) return schema._zod.def.options.flatMap((option, index) => looseParts(option, `${path}|${index}`));
  if (schema instanceof $ZodPipe) return [...looseParts(schema._zod.def.in, path), ...looseParts(schema._zod.def.out, path)];
  // Anything else must be a declared value; a kind this does not open (any, unknown, record,
  // intersection, lazy, …) fails rather than passing unread.
  return leafKinds.has(schema._zod.def.type) ? [] : [`${path} is ${schema._zod.def.type}`];
}

const leafKinds = new Set(['string', 'number', 'boolean', 'literal', 'enum', 'bigint', 'date', 'null', 'template_literal']);

describe('the answers of the database functions', () => {
  it('each have a schema, for exactly the public functions that return jsonb', async () => {
    const rows = await sql<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.prorettype = 'jsonb'::regtype order by 1`,
    );
    const inDatabase = rows.map((row) => row.name);
    const declared = Object.keys(answerSchemas).sort();
    expect({ withoutSchema: inDatabase.filter((name) => !declared.includes(name)), withoutFunction: declared.filter((name) => !inDatabase.includes(name)) }).toEqual({
      withoutSchema: [],
      withoutFunction: [],
    });
  });

  it('are declared strictly: every object closed, every value typed', () => {
    expect(Object.entries(answerSchemas).flatMap(([name, schema]) => looseParts(schema, name))).toEqual([]);
  });
});
