// What a database defines, read from its catalogs, as one line per object: tables, columns,
// constraints, indexes, policies, functions, triggers, views, types, grants, RLS flags, comments
// and the rows the migrations insert. Two builds that should be the same are compared with it.
import type pg from 'pg';

/** Object (e.g. `function private.refusal(p_code text, p_details jsonb)`) → its description. */
export type Catalog = Map<string, string>;

// Schemas the Supabase CLI or Postgres own; everything else, the bootstrap's included, is compared.
const ownSchemas = `n.nspname not in ('pg_catalog', 'information_schema', 'supabase_migrations')
  and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`;

// Objects an extension (pgcrypto) made: the same in every build, and many.
const notFromExtension = (catalog: string, oid: string) =>
  `not exists (select 1 from pg_depend d where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;

/** An ACL as sorted `grantee=privilege[*] by grantor` items, so the order of grants does not matter. */
const acl = (column: string) => `(select string_agg(item, ', ' order by item) from (
    select coalesce(r.rolname, 'PUBLIC') || '=' || a.privilege_type || case when a.is_grantable then '*' else '' end
      || ' by ' || g.rolname as item
    from aclexplode(${column}) a left join pg_roles r on r.oid = a.grantee join pg_roles g on g.oid = a.grantor) items)`;

const queries: Record<string, string> = {
  schema: `select n.nspname as name, jsonb_build_object('owner', pg_get_userbyid(n.nspowner), 'acl', ${acl('n.nspacl')},
      'comment', obj_description(n.oid, 'pg_namespace')) as def
    from pg_namespace n where ${ownSchemas}`,
  relation: `select n.nspname || '.' || c.relname as name, jsonb_build_object('kind', c.relkind, 'owner', pg_get_userbyid(c.relowner),
      'rls', c.relrowsecurity, 'force_rls', c.relforcerowsecurity, 'persistence', c.relpersistence, 'options', c.reloptions,
      'acl', ${acl('c.relacl')}, 'comment', obj_description(c.oid, 'pg_class'),
      'view', case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) end,
      'sequence', (select to_jsonb(s) - 'seqrelid' from pg_sequence s where s.seqrelid = c.oid)) as def
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f', 'c') and ${ownSchemas} and ${notFromExtension('pg_class', 'c.oid')}`,
  column: `select n.nspname || '.' || c.relname || '.' || a.attname as name, jsonb_build_object(
      'position', row_number() over (partition by c.oid order by a.attnum), 'type', format_type(a.atttypid, a.atttypmod),
      'not_null', a.attnotnull, 'default', pg_get_expr(d.adbin, d.adrelid), 'generated', a.attgenerated, 'identity', a.attidentity,
      'collation', case when a.attcollation <> t.typcollation then a.attcollation::regcollation::text end,
      'acl', ${acl('a.attacl')}, 'comment', col_description(c.oid, a.attnum)) as def
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    join pg_type t on t.oid = a.atttypid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm', 'f', 'c') and ${ownSchemas}
      and ${notFromExtension('pg_class', 'c.oid')}`,
  constraint: `select n.nspname || '.' || coalesce(c.relname, t.typname) || '.' || k.conname as name, jsonb_build_object(
      'type', k.contype, 'definition', pg_get_constraintdef(k.oid), 'comment', obj_description(k.oid, 'pg_constraint')) as def
    from pg_constraint k join pg_namespace n on n.oid = k.connamespace
    left join pg_class c on c.oid = k.conrelid left join pg_type t on t.oid = k.contypid
    where ${ownSchemas} and ${notFromExtension('pg_constraint', 'k.oid')}`,
  index: `select n.nspname || '.' || i.relname as name, jsonb_build_object('definition', pg_get_indexdef(x.indexrelid),
      'primary', x.indisprimary, 'comment', obj_description(i.oid, 'pg_class')) as def
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = i.relnamespace
    where ${ownSchemas} and ${notFromExtension('pg_class', 'x.indrelid')}`,
  policy: `select p.schemaname || '.' || p.tablename || '.' || p.policyname as name, jsonb_build_object('permissive', p.permissive,
      'roles', (select array_agg(r order by r) from unnest(p.roles) r), 'command', p.cmd, 'using', p.qual, 'with_check', p.with_check) as def
    from pg_policies p join pg_namespace n on n.nspname = p.schemaname where ${ownSchemas}`,
  function: `select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as name,
      jsonb_build_object('kind', p.prokind, 'owner', pg_get_userbyid(p.proowner), 'security_definer', p.prosecdef, 'config', p.proconfig,
        'definition', case when p.prokind in ('f', 'p') then pg_get_functiondef(p.oid) end,
        'acl', ${acl('p.proacl')}, 'comment', obj_description(p.oid, 'pg_proc')) as def
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace where ${ownSchemas} and ${notFromExtension('pg_proc', 'p.oid')}`,
  trigger: `select n.nspname || '.' || c.relname || '.' || t.tgname as name, jsonb_build_object('definition', pg_get_triggerdef(t.oid),
      'enabled', t.tgenabled, 'comment', obj_description(t.oid, 'pg_trigger')) as def
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where not t.tgisinternal and ${ownSchemas}`,
  type: `select n.nspname || '.' || t.typname as name, jsonb_build_object('kind', t.typtype, 'owner', pg_get_userbyid(t.typowner),
      'base', case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end, 'not_null', t.typnotnull, 'default', t.typdefault,
      'labels', (select array_agg(e.enumlabel order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid),
      'acl', ${acl('t.typacl')}, 'comment', obj_description(t.oid, 'pg_type')) as def
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where t.typtype in ('d', 'e', 'r', 'm') and ${ownSchemas} and ${notFromExtension('pg_type', 't.oid')}`,
  rule: `select r.schemaname || '.' || r.tablename || '.' || r.rulename as name, to_jsonb(r.definition) as def
    from pg_rules r join pg_namespace n on n.nspname = r.schemaname where ${ownSchemas}`,
  'default privileges': `select pg_get_userbyid(d.defaclrole) || ' in ' || coalesce(n.nspname, 'every schema') || ' on ' || d.defaclobjtype::text as name,
      to_jsonb(${acl('d.defaclacl')}) as def
    from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace`,
  extension: `select e.extname as name, jsonb_build_object('version', e.extversion, 'schema', e.extnamespace::regnamespace::text) as def
    from pg_extension e`,
};

/** A description as `field: value` lines, text values as they are, so a function body reads line by line. */
function describe(def: unknown): string {
  if (def === null || typeof def !== 'object' || Array.isArray(def)) return JSON.stringify(def);
  return Object.entries(def)
    .map(([field, value]) => `${field}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
}

/** Reads a database's catalog. Names and expressions are printed with every schema spelled out. */
export async function readCatalog(client: pg.Client): Promise<Catalog> {
  await client.query("set search_path = ''");
  const catalog: Catalog = new Map();
  for (const [kind, sql] of Object.entries(queries)) {
    const { rows } = await client.query<{ name: string; def: unknown }>(sql);
    for (const row of rows) catalog.set(`${kind} ${row.name}`, describe(row.def));
  }
  // The rows the build inserts (refusal codes, rate limits, personal columns), table by table.
  const tables = await client.query<{ name: string }>(`select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' and ${ownSchemas}`);
  for (const { name } of tables.rows) {
    const { rows } = await client.query<{ data: unknown }>(
      `select coalesce(jsonb_agg(to_jsonb(t) order by to_jsonb(t)::text), '[]') as data from ${name} t`);
    catalog.set(`rows of ${name}`, JSON.stringify(rows[0]!.data, null, 1));
  }
  return catalog;
}

/** The first line where two descriptions part, with a line of context from each. */
function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  const at = left.findIndex((line, index) => line !== right[index]);
  const line = at === -1 ? left.length : at;
  return `    line ${line + 1}:\n      - ${(left[line] ?? '(end)').trim()}\n      + ${(right[line] ?? '(end)').trim()}`;
}

/** What differs between two catalogs, one entry per object, naming it; empty when they are the same. */
export function catalogDifferences(a: Catalog, b: Catalog, [aName, bName]: [string, string]): string[] {
  const differences: string[] = [];
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other === undefined) differences.push(`${key}: only in ${aName}`);
    else if (other !== value) differences.push(`${key}: differs (- ${aName}, + ${bName})\n${firstDifference(value, other)}`);
  }
  for (const key of b.keys()) if (!a.has(key)) differences.push(`${key}: only in ${bName}`);
  return differences.sort();
}
