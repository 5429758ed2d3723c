// Gives the browser tests a database of their own on the PostgreSQL server of DATABASE_URL: drops and recreates
// `<name>_e2e`, and prints its URL. The database DATABASE_URL names is never touched.
import postgres from 'postgres';

export function e2eDatabaseUrl(serverUrl) {
  const url = new URL(serverUrl);
  url.pathname = `${url.pathname.replace(/^\//, '') || 'postgres'}_e2e`.replace(/^/, '/');
  return url.toString();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const serverUrl = process.env.DATABASE_URL;
  const target = e2eDatabaseUrl(serverUrl);
  const name = new URL(target).pathname.slice(1);
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists "${name}" with (force)`);
  await sql.unsafe(`create database "${name}"`);
  await sql.end();
  process.stdout.write(target);
}
