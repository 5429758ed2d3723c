import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

// Database tests (*.db.test.ts) run once per database kind: always on embedded PGlite, and also on PostgreSQL when
// DATABASE_URL is set. test/database.ts gives each test file a database of its own.
const databaseProject = (kind: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: kind,
    include: ['**/*.db.test.ts'],
    setupFiles: ['./test/database.ts'],
    env: { TEST_DATABASE_KIND: kind },
  },
});

export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      // `import 'server-only'` throws outside Next's server bundles; Vitest is trusted server code.
      'server-only': path.join(root, 'node_modules/next/dist/compiled/server-only/empty.js'),
    },
  },
  test: {
    pool: 'forks',
    // next-intl's navigation (getPathname, used by server actions) imports `next/navigation` without an extension,
    // which Node's ESM resolver refuses: let Vite resolve it.
    server: { deps: { inline: ['next-intl'] } },
    // .next-bench is `npm run bench`'s build, with a node_modules of its own (whose packages ship tests).
    exclude: ['**/node_modules/**', 'e2e/**/*.spec.ts', '.next/**', '.next-bench/**', 'data/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [
            '**/*.db.test.ts',
            '**/node_modules/**',
            'e2e/**/*.spec.ts',
            '.next/**',
            '.next-bench/**',
            'data/**',
          ],
        },
      },
      databaseProject('pglite'),
      ...(process.env.DATABASE_URL ? [databaseProject('postgres')] : []),
    ],
  },
});
