// `npm run build`: the production build. Checks its settings first (src/integrations/site-settings.ts)
// and that the project answers, and otherwise says exactly what to set in one message instead of
// failing halfway through the build. Settings come from the environment or a .env file, as Astro reads them.
import { loadEnv } from 'vite';
import { projectRoot } from '../supabase/local/config.ts';
import { projectProblem, settingProblems, settingsMessage, settingWarnings } from '../src/integrations/site-settings.ts';
import { astro } from './lib/astro.ts';
import { shutdown } from './lifecycle.ts';

// The environment wins over .env files, as in Vite.
const env = { ...loadEnv('production', projectRoot, ''), ...process.env };
const problems = settingProblems(env);
if (problems.length > 0) {
  console.error(settingsMessage(problems));
  await shutdown(1);
}
const unreachable = await projectProblem(env);
if (unreachable) {
  console.error(unreachable);
  await shutdown(1);
}
for (const warning of settingWarnings(env)) console.warn(`Warning: ${warning}`);
const settings = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
await shutdown(await astro(['build', ...process.argv.slice(2)], { ASTRO_TELEMETRY_DISABLED: '1', ...settings }).exited);
