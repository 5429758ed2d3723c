import { defineConfig } from 'drizzle-kit';

// `drizzle-kit generate` needs no database; migrations are applied by the app (db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './drizzle',
  casing: 'snake_case',
});
