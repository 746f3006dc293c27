// The migrations that load the administrative units, reference data every deployment needs (hosted
// ones get it from `supabase db push`), written by scripts/generate-units-data.ts from
// ../shared/data. The schema files define no rows, so a build from them runs these after them.
import path from 'node:path';
import { migrationsDir } from './migrations-lock.ts';

export const referenceDataMigrations = {
  units2021: '20261205001001_units_2021.sql',
  units2025: '20261205001002_units_2025.sql',
  origins: '20261205001003_unit_origins.sql',
  shapes: '20261205001004_commune_shapes.sql',
} as const;

/** The files, in the order they apply (the ids of admin_units follow it). */
export const referenceDataFiles = Object.values(referenceDataMigrations).sort().map((file) => path.join(migrationsDir, file));
