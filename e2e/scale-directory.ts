import postgres from 'postgres';
import { searchKey, toLatin } from '../lib/transliterate';
import { e2eDatabaseUrl } from '../scripts/e2e-database.mjs';

// A directory of 20,000 contacts in the database under test, written straight in SQL (seconds, where the import
// would take minutes), for the scale specs. PostgreSQL only: the embedded database belongs to the server process.
// The people have names no other spec searches for ("Scaleton", «Масштабов»), all carry the tag below, and
// `remove()` deletes those nobody points at, so specs that run later see the directory as it was.

export const SCALE_TAG = 'e2e-scale';

export type ScaleDirectory = {
  sql: postgres.Sql;
  /** Adds named contacts (with their keys, as db/directory-keys.ts writes them): their ids, in order. */
  add: (people: { name: string; nameLatin?: string }[]) => Promise<string[]>;
  remove: () => Promise<void>;
};

const keys = (name: string, nameLatin: string | null, email: string) => ({
  search_key: searchKey([name, nameLatin ?? '', email].join(' ')),
  sort_key: (nameLatin || toLatin(name)).toLowerCase().trim(),
});

export async function scaleDirectory(total = 20_000): Promise<ScaleDirectory> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('The scale directory needs PostgreSQL (DATABASE_URL).');
  const sql = postgres(e2eDatabaseUrl(serverUrl), { max: 1, onnotice: () => {} });
  const stamp = Date.now().toString(36);
  let made = 0;
  const insert = async (people: { name: string; nameLatin: string | null }[]) => {
    const rows = people.map((p) => {
      const email = `scale.${stamp}.${made++}@scale.example.org`;
      return { name: p.name, name_latin: p.nameLatin, email, ...keys(p.name, p.nameLatin, email) };
    });
    const inserted = await sql<{ id: string }[]>`
      insert into contacts (name, name_latin, email, search_key, sort_key, tags, source)
      select name, name_latin, email, search_key, sort_key, array[${SCALE_TAG}], 'e2e scale directory'
      from json_to_recordset(${JSON.stringify(rows)}::text::json)
        as r(name text, name_latin text, email text, search_key text, sort_key text)
      returning id`;
    return inserted.map((r) => r.id);
  };
  const [{ n }] = (await sql<{ n: number }[]>`
    select count(*)::int as n from contacts where ${SCALE_TAG} = any(tags)`) as unknown as [{ n: number }];
  for (let start = n; start < total; start += 2000) {
    await insert(
      Array.from({ length: Math.min(2000, total - start) }, (_, k) => {
        const i = start + k;
        // A third in Cyrillic, as in a real directory.
        return i % 3 === 0
          ? { name: `Масштабов Тест ${i}`, nameLatin: `Masshtabov Test ${i}` }
          : { name: `Scaleton Test ${i}`, nameLatin: null };
      }),
    );
  }
  await sql`analyze contacts`;
  return {
    sql,
    add: (people) => insert(people.map((p) => ({ name: p.name, nameLatin: p.nameLatin ?? null }))),
    async remove() {
      await sql`
        delete from contacts c where ${SCALE_TAG} = any(c.tags)
          and not exists (select 1 from agenda_item_people p where p.contact_id = c.id)
          and not exists (select 1 from invitations i where i.contact_id = c.id)`;
      await sql.end();
    },
  };
}
