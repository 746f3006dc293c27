// `npm run lint`: ESLint over the site, scripts, tests and the local stack. TypeScript and TSX are
// linted with type information (typescript-eslint's recommended type-checked set). Astro files get the
// Astro plugin's rules without type information: astro-eslint-parser cannot use the project service,
// and its per-file TypeScript programs more than doubled the run.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const focusableRegions = { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true };

export default defineConfig(
  {
    // Build output, and src/lib/database.types.ts, which `supabase gen types` writes (npm run db:types).
    ignores: ['dist/', 'dist-*/', '.astro/', 'supabase/.data/', 'supabase/.temp/', 'test-results/', 'playwright-report/', 'src/lib/database.types.ts'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `const { field: _dropped, ...rest } = value` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Components, and the hooks kept in .ts modules beside them.
    files: ['**/*.tsx', 'src/islands/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/*.tsx'],
    ...jsxA11y.flatConfigs.strict,
    // The same plugin object the Astro plugin's a11y set registers, so ESLint sees one plugin.
    plugins: { 'jsx-a11y': jsxA11y },
  },
  astro.configs['flat/recommended'],
  astro.configs['flat/jsx-a11y-strict'],
  // A table wider than the phone scrolls inside a labelled region that takes focus, so it can be
  // scrolled from the keyboard (axe: scrollable-region-focusable).
  { files: ['**/*.tsx'], rules: { 'jsx-a11y/no-noninteractive-tabindex': ['error', focusableRegions] } },
  { files: ['**/*.astro'], rules: { 'astro/jsx-a11y/no-noninteractive-tabindex': ['error', focusableRegions] } },
  {
    // Outside the TypeScript project (plain JS) or parsed by astro-eslint-parser: see above.
    files: ['**/*.js', '**/*.astro', '**/*.astro/*.{js,ts}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.{ts,tsx,astro}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['public/sw-*.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
);
