// `npm run db:types`: regenerates src/lib/database.types.ts from the migrations, on a throwaway
// stack so the dev data is untouched.
import { writeFile } from 'node:fs/promises';
import { generateTypes, typesFile } from '../supabase/local/cli.ts';
import { testSlot } from '../supabase/local/config.ts';
import { startThrowawayStack } from '../supabase/local/throwaway.ts';
import { onShutdown, shutdown } from './lifecycle.ts';

const stack = await startThrowawayStack('types', 27321 + testSlot * 10);
onShutdown(() => stack.stop());
await writeFile(typesFile, await generateTypes(stack.config));
console.log(`wrote ${typesFile}`);
await shutdown(0);
