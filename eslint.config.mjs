import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import council from './scripts/eslint-plugin-council.mjs';

// ── Layering ────────────────────────────────────────────────────────────────────────────────────────────────────
// Where code may reach. Each message says where the code belongs instead.
const DAL_ONLY = [
  {
    group: ['drizzle-orm', 'drizzle-orm/*', '@auth/drizzle-adapter', 'postgres', '@electric-sql/pglite'],
    message: 'Queries belong in the data access layer: add a function to a server-only module in db/ and call that.',
  },
  {
    group: ['@/db/client', '**/db/client'],
    message: 'Only db/ opens the database. Use a db/ function (e.g. db/lifecycle.ts for start-up and scripts).',
  },
  {
    group: ['@/db/schema', '**/db/schema'],
    allowTypeImports: true,
    message: 'Outside db/, import row types only (`import type`); shared vocabularies live in lib/domain.ts.',
  },
];
const NOT_FROM_COMPONENTS = [
  {
    group: ['@/db', '@/db/*', '**/db/*'],
    message: 'components/ is shared UI and never loads data: the page (a server component) calls db/ and passes props.',
  },
];
const NOT_FROM_DB = [
  {
    group: ['@/app/*', '@/components/*', '**/app/*', '**/components/*'],
    message: 'db/ is the data access layer and must not depend on pages or UI: move what both need to lib/.',
  },
  {
    group: ['@/services', '@/services/*', '**/services/*', 'next-auth', 'next-auth/*'],
    message:
      'db/ sits below services/ and never reads the session: take the acting staff member as a parameter (`actor`) ' +
      'and check it with assertRole from lib/auth/roles.ts; code that needs the session or runs the app belongs in services/.',
  },
];
// lib/ is the bottom layer: pure helpers and types that db/, services/ and pages all use. Row types from
// db/schema are allowed (`import type`, see DAL_ONLY); nothing else from db/.
const NOT_FROM_LIB = [
  {
    regex: '^(@|\\.{1,2}(/\\.\\.)*)/db(/(?!schema$).*)?$',
    message:
      'lib/ holds pure helpers below the data layer: move this code to services/ if it needs the database, or to db/ ' +
      'if it is a query.',
  },
  {
    group: ['@/services', '@/services/*', '**/services/*', 'next-auth', 'next-auth/*'],
    message:
      'lib/ holds pure helpers below the data layer: move this code to services/ if it needs the session or a ' +
      'service (auth, mail worker, start-up).',
  },
];
// services/ (auth, the action wrapper, the mail worker, housekeeping, start-up) use db/ and lib/, never pages.
const NOT_FROM_SERVICES = [
  {
    group: ['@/app/*', '@/components/*', '**/app/*', '**/components/*'],
    message:
      'services/ sits below the pages and must not depend on them: move what both need to services/ (or lib/ if ' +
      'it is pure).',
  },
];
const NOT_DEMO_OR_BENCH = [
  {
    group: ['@/scripts/demo/*', '@/scripts/bench/*', '**/scripts/demo/*', '**/scripts/bench/*'],
    message:
      'Demo data and bench code stay out of the production bundle: load the demo with `npm run db:seed`, and put a ' +
      'bench-only route in a *.bench.ts(x) file (built only by `npm run bench`).',
  },
  {
    group: ['@/test/*', '**/test/*'],
    message: 'test/ is support for the tests (factories, a fake session): the app never imports it.',
  },
];
// scripts/demo/ (the demo seed and generators) and scripts/bench/ (the bench's data and baselines) write whole
// scenarios straight into the database, which is what they are for: they may use Drizzle and the db client. Nothing
// the app ships may import them (NOT_DEMO_OR_BENCH), and a test of the production build checks it.
const DEMO_AND_BENCH = [
  {
    group: ['@/app/*', '@/components/*', '**/app/*', '**/components/*'],
    message: 'Demo and bench code fill the database; they must not depend on pages or UI: move what both need to lib/.',
  },
];
const restrict = (patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { plugins: { council }, rules: { 'council/no-server-only-in-client': 'error' } },
  // Layers, bottom to top: lib/ → db/ → services/ → app/, components/, proxy.ts, instrumentation.ts, scripts/.
  {
    files: ['app/**', 'proxy.ts', 'instrumentation.ts'],
    rules: restrict([...DAL_ONLY, ...NOT_DEMO_OR_BENCH]),
  },
  { files: ['scripts/**'], rules: restrict(DAL_ONLY) },
  { files: ['scripts/demo/**', 'scripts/bench/**'], rules: restrict(DEMO_AND_BENCH) },
  { files: ['lib/**'], rules: restrict([...DAL_ONLY, ...NOT_FROM_LIB, ...NOT_DEMO_OR_BENCH]) },
  { files: ['services/**'], rules: restrict([...DAL_ONLY, ...NOT_FROM_SERVICES, ...NOT_DEMO_OR_BENCH]) },
  { files: ['components/**'], rules: restrict([...DAL_ONLY, ...NOT_FROM_COMPONENTS, ...NOT_DEMO_OR_BENCH]) },
  { files: ['db/**'], rules: restrict([...NOT_FROM_DB, ...NOT_DEMO_OR_BENCH]) },
  // The bench's baseline routes (built into .next-bench by `npm run bench` only, never into .next: next.config.ts).
  { files: ['app/**/*.bench.ts', 'app/**/*.bench.tsx'], rules: restrict(DAL_ONLY) },
  // Delegate-facing and public pages: every word comes from messages/*.json, in English and Russian.
  {
    files: [
      'app/\\[locale\\]/**/*.tsx',
      'app/not-found.tsx',
      'components/language-switch.tsx',
      'components/skip-link.tsx',
    ],
    rules: {
      'react/jsx-no-literals': [
        'error',
        { noStrings: true, ignoreProps: true, allowedStrings: ['·', ',', ', ', '–', '—', '(', ')', ':', '/'] },
      ],
    },
  },
  // Tests set up and inspect the database directly.
  {
    files: ['**/*.test.ts', 'e2e/**', 'scripts/e2e-*.mjs'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  // test/ is shared support for those tests (factories, the per-file database, a fake session, staff actors): it
  // writes rows straight into the database and stands in for services/auth, so it is exempt for the same reason.
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  globalIgnores([
    '.next/**',
    '.next-bench/**',
    'node_modules/**',
    'data/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
]);
