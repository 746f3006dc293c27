// The settings a production build takes, in one place: which are required, what each default is,
// and the one message `npm run build` prints when some are missing or wrong (scripts/build.ts).
// The site reads them as import.meta.env (PUBLIC_*) or, for SITE_URL, through astro.config.mjs.

export interface SiteSetting {
  name: string;
  /** What it is and where to find it, in one line. */
  what: string;
  /** Null when the build cannot go without it; otherwise what an unset value means. */
  otherwise: string | null;
  /** Why a value set is wrong, or undefined when it is right. */
  check?: (value: string, env: Env) => string | undefined;
}

export type Env = Readonly<Record<string, string | undefined>>;

const isLocalHost = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/** An absolute http(s) URL; plain http only for this machine (the service worker and HSTS need https). */
function webAddress(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLocalHost(url))) return undefined;
  return 'must start with https:// (http:// only for localhost)';
}

export const siteSettings: readonly SiteSetting[] = [
  {
    name: 'PUBLIC_SUPABASE_URL',
    what: "the Supabase project's API URL, e.g. https://<ref>.supabase.co (Dashboard → Project Settings → Data API)",
    otherwise: null,
    check: webAddress,
  },
  {
    name: 'PUBLIC_SUPABASE_ANON_KEY',
    what: "the project's publishable (anon) key (Dashboard → Project Settings → API Keys); never the secret key",
    otherwise: null,
    check: (value) => (/^sb_secret_|service_role/.test(value) ? 'is a secret key: use the publishable (anon) key' : undefined),
  },
  {
    name: 'SITE_URL',
    what: 'the address the site is served at, e.g. https://cccd.congan.<province>.gov.vn (canonical links, sitemap, share previews)',
    otherwise: null,
    check: webAddress,
  },
  {
    name: 'PUBLIC_FEATURED_CAMPAIGN',
    what: 'the slug of the campaign the home page features (it must exist in the project)',
    otherwise: 'thua-thien-hue-2021, the demo seed’s campaign',
  },
  {
    name: 'PUBLIC_MAP_TILES_URL',
    what: 'the map tile provider’s URL template, e.g. https://tiles.example.vn/{z}/{x}/{y}.png',
    otherwise: 'OpenStreetMap’s own servers: for development and trials only (README, "Map tiles")',
    check: (value) => (/\{z\}/.test(value) && /\{x\}/.test(value) && /\{y\}/.test(value) ? webAddress(value.replace(/\{[a-z]\}/g, 'a')) : 'needs {z}, {x} and {y}'),
  },
  {
    name: 'PUBLIC_MAP_TILES_ATTRIBUTION',
    what: 'the tile provider’s credit as HTML, shown on every map',
    otherwise: 'required when PUBLIC_MAP_TILES_URL is set',
  },
];

const valueOf = (env: Env, name: string) => env[name]?.trim() || undefined;

/** Every problem with the settings, one line each; empty when the build can go. */
export function settingProblems(env: Env): string[] {
  const problems: string[] = [];
  for (const setting of siteSettings) {
    const value = valueOf(env, setting.name);
    if (value === undefined) {
      if (setting.otherwise === null) problems.push(`${setting.name} is not set`);
      continue;
    }
    const wrong = setting.check?.(value, env);
    if (wrong) problems.push(`${setting.name} ${wrong}`);
  }
  if (valueOf(env, 'PUBLIC_MAP_TILES_URL') && !valueOf(env, 'PUBLIC_MAP_TILES_ATTRIBUTION')) {
    problems.push('PUBLIC_MAP_TILES_ATTRIBUTION is not set, and PUBLIC_MAP_TILES_URL needs it');
  }
  return problems;
}

/** The message of a build that cannot go: what is wrong, then every setting with its default. */
export function settingsMessage(problems: readonly string[]): string {
  const width = Math.max(...siteSettings.map(({ name }) => name.length));
  const line = ({ name, what, otherwise }: SiteSetting) => `  ${name.padEnd(width)}  ${what}${otherwise === null ? '' : `\n  ${''.padEnd(width)}  unset: ${otherwise}`}`;
  return [
    'The build needs its settings (environment variables, or a .env file in the project root):',
    '',
    ...problems.map((problem) => `  ✗ ${problem}`),
    '',
    'Required:',
    ...siteSettings.filter((setting) => setting.otherwise === null).map(line),
    '',
    'Optional:',
    ...siteSettings.filter((setting) => setting.otherwise !== null).map(line),
    '',
    'For example:',
    '  PUBLIC_SUPABASE_URL=https://<ref>.supabase.co PUBLIC_SUPABASE_ANON_KEY=<publishable key> \\',
    '  SITE_URL=https://<site> PUBLIC_FEATURED_CAMPAIGN=<slug> npm run build',
    'To build and serve the site against the local stack instead: npm run preview. The steps: README, "Deploying".',
  ].join('\n');
}

/** Said on a build that goes with a default a production site should not keep. */
export function settingWarnings(env: Env): string[] {
  return valueOf(env, 'PUBLIC_MAP_TILES_URL')
    ? []
    : ['Map tiles come from OpenStreetMap’s own servers (PUBLIC_MAP_TILES_URL unset): fine for a trial, not for a public campaign (README, "Map tiles").'];
}

/**
 * Whether the project answers the anon key, asked once before the build (which reads the campaigns
 * from it on many pages and would otherwise fail on each with a stack trace); undefined when it does.
 */
export async function projectProblem(env: Env): Promise<string | undefined> {
  const url = valueOf(env, 'PUBLIC_SUPABASE_URL')!;
  const key = valueOf(env, 'PUBLIC_SUPABASE_ANON_KEY')!;
  let response: Response;
  try {
    response = await fetch(`${url.replace(/\/$/, '')}/rest/v1/campaigns?select=slug&limit=1`, {
      headers: { apikey: key, Authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return `The build reads the campaigns from PUBLIC_SUPABASE_URL (${url}), which did not answer: ${cause}. Is it the project's API URL, and does this machine reach it?`;
  }
  if (response.status === 401 || response.status === 403) return `The project at ${url} refused PUBLIC_SUPABASE_ANON_KEY (${response.status}): set the project's publishable (anon) key.`;
  if (!response.ok) return `The project at ${url} answered ${response.status} to a read of the campaigns: is it the project's API URL, with the migrations pushed (README, "Deploying")?`;
  return undefined;
}
