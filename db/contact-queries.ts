import 'server-only';
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { OrganisationType } from '@/lib/domain';
import { searchKey } from '@/lib/transliterate';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { executedRows, type DbExecutor } from './client';
import { contacts, councilMembers, organisations, type Contact } from './schema';

// The directory's list query, apart from the role checks of db/contacts.ts, so `npm run bench` runs exactly what
// the contacts page runs.

// 20,000 contacts make 500 pages: `npm run bench` times the 500th.
export const CONTACTS_PAGE_SIZE = 40;

export type ContactFilters = {
  search?: string;
  country?: string;
  organisationType?: OrganisationType;
  tag?: string;
  councilId?: string;
};

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards in it taken literally. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The directory's filters as SQL. The search compares search keys (lib/transliterate), so "Ismoilov" finds
 * «Исмоилов»; it also finds everyone at an organisation whose name or acronym matches. `= any(array(…))` lets the
 * planner combine the trigram index with the organisation index instead of scanning every contact.
 */
export function contactConditions(filters: ContactFilters): SQL | undefined {
  const key = filters.search ? likePattern(searchKey(filters.search)) : null;
  return and(
    key
      ? sql`(${contacts.searchKey} like ${key} or ${contacts.organisationId} = any(array(select ${organisations.id} from ${organisations} where ${organisations.searchKey} like ${key})))`
      : undefined,
    filters.country === 'none'
      ? sql`${contacts.country} is null`
      : filters.country
        ? eq(contacts.country, filters.country)
        : undefined,
    filters.organisationType
      ? sql`${contacts.organisationId} = any(array(select ${organisations.id} from ${organisations} where ${organisations.type} = ${filters.organisationType}))`
      : undefined,
    filters.tag ? sql`${contacts.tags} @> array[${filters.tag}]::text[]` : undefined,
    filters.councilId
      ? sql`exists (select 1 from ${councilMembers} where ${councilMembers.contactId} = ${contacts.id} and ${councilMembers.councilId} = ${filters.councilId}
          and ${councilMembers.termFrom} <= current_date and (${councilMembers.termTo} is null or ${councilMembers.termTo} >= current_date))`
      : undefined,
  );
}

export type ContactListItem = Pick<
  Contact,
  'id' | 'name' | 'nameLatin' | 'title' | 'email' | 'country' | 'language' | 'tags'
> & {
  organisation: string | null;
};

export const listColumns = {
  id: contacts.id,
  name: contacts.name,
  nameLatin: contacts.nameLatin,
  title: contacts.title,
  email: contacts.email,
  country: contacts.country,
  language: contacts.language,
  tags: contacts.tags,
  organisation: sql<string | null>`coalesce(${organisations.acronym}, ${organisations.nameEn})`,
};

/**
 * The two statements behind a page of the directory (its rows, and the count), unexecuted: the bench explains them.
 * The page is found on the (sort_key, id) index alone and only its 40 rows are joined ("deferred join"), so the
 * 500th page reads index entries, not 20,000 rows to sort.
 */
export function contactPageQueries(db: DbExecutor, filters: ContactFilters & { page?: number }) {
  const where = contactConditions(filters);
  const page = Math.max(1, filters.page ?? 1);
  const onPage = db
    .select({ id: contacts.id })
    .from(contacts)
    .where(where)
    .orderBy(asc(contacts.sortKey), asc(contacts.id))
    .limit(CONTACTS_PAGE_SIZE)
    .offset((page - 1) * CONTACTS_PAGE_SIZE)
    .as('on_page');
  return {
    rows: db
      .select(listColumns)
      .from(onPage)
      .innerJoin(contacts, eq(contacts.id, onPage.id))
      .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
      .orderBy(asc(contacts.sortKey), asc(contacts.id)),
    total: db.select({ total: count() }).from(contacts).where(where),
  };
}

/** The query behind listContacts, without the role check: `npm run bench` times exactly this. */
export async function queryContactPage(db: DbExecutor, filters: ContactFilters & { page?: number }) {
  const queries = contactPageQueries(db, filters);
  const [rows, [counted]] = await Promise.all([queries.rows, queries.total]);
  return { contacts: rows, total: counted?.total ?? 0 };
}

/** What the people picker shows of a contact: enough to tell two namesakes apart, no email. */
export type ContactChoice = {
  id: string;
  name: string;
  nameLatin: string | null;
  organisation: string | null;
  country: string | null;
};

export const PICKER_LIMIT = 20;

/**
 * The order of a picker's matches before the alphabet: the key starts with the text, then a word of it does. strpos
 * rather than two more LIKEs: with thousands of matches (a common surname ending) it halves the query's time.
 */
export const matchRank = (column: AnyPgColumn, key: string) => [
  sql`strpos(${column}, ${key}) <> 1`,
  sql`strpos(' ' || ${column}, ${` ${key}`}) = 0`,
];

const choiceColumns = {
  id: contacts.id,
  name: contacts.name,
  nameLatin: contacts.nameLatin,
  organisation: sql<string | null>`coalesce(${organisations.acronym}, ${organisations.nameEn})`,
  country: contacts.country,
};

/** The first string after every string that starts with `prefix`, in the byte order text_pattern_ops compares by. */
function prefixEnd(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1)!;
  return prefix.slice(0, -1) + String.fromCodePoint(last + 1);
}

/**
 * The people picker's search, without the role check (`npm run bench` times exactly this): contacts whose search key
 * (name, Latin name, email, in lib/transliterate's form) holds the text, so «Ёлкин» and "Yolkin" find each other.
 * Names that start with the text come first, then those with a word that does, then the rest, each alphabetically;
 * at most `limit`.
 *
 * Tiers, each stopping at what is still missing, rather than ranking every match: "ka" or a surname ending such as
 * "zoda" matches thousands of 20,000 keys, and ranking them all took 11–16 ms a search where the tiers take 1–2 ms.
 * All in one statement: the search runs ten times a second while staff type, and each round trip to the database
 * cost the app more than the scans. The first two tiers are fenced (`offset 0`) so the planner finds the matches by
 * index and sorts the few hundred found, instead of walking the alphabetical index and filtering, which took 17–46 ms
 * for a common first syllable.
 */
export async function contactSearchQuery(db: DbExecutor, text: string, limit = PICKER_LIMIT): Promise<ContactChoice[]> {
  const key = searchKey(text);
  if (!key) return [];
  const count = sql`${Math.trunc(limit)}::int`;
  // The range (not LIKE) so that only the text_pattern_ops index can serve it, never the trigram one.
  const startsWith = sql`${contacts.searchKey} ~>=~ ${key} and ${contacts.searchKey} ~<~ ${prefixEnd(key)}`;
  const wordStarts = sql`${contacts.searchKey} like ${likePattern(` ${key}`)} and strpos(${contacts.searchKey}, ${key}) <> 1`;
  const tier = (where: SQL, fenced: boolean) =>
    sql`select id, sort_key from (select ${contacts.id} as id, ${contacts.sortKey} as sort_key from ${contacts} where ${where}${fenced ? sql` offset 0` : sql``}) matched order by sort_key, id limit ${count}`;
  // Each later tier is gated on what the earlier ones found (a one-time filter: PostgreSQL does not scan at all when
  // they found enough), and the last leaves out what they found: one round trip, as few scans as the tiers need.
  const result = await db.execute(sql`
    with first_tier as (${tier(startsWith, true)}),
    second_tier as (${tier(sql`${wordStarts} and (select count(*) from first_tier) < ${count}`, true)}),
    third_tier as (${tier(
      sql`${contacts.searchKey} like ${likePattern(key)}
        and (select count(*) from first_tier) + (select count(*) from second_tier) < ${count}
        and ${contacts.id} not in (select id from first_tier union all select id from second_tier)`,
      false,
    )}),
    found as (
      select 1 as tier, id, sort_key from first_tier
      union all select 2, id, sort_key from second_tier
      union all select 3, id, sort_key from third_tier
    )
    select ${contacts.id} as "id", ${contacts.name} as "name", ${contacts.nameLatin} as "nameLatin",
      ${choiceColumns.organisation} as "organisation", ${contacts.country} as "country"
    from found
    join ${contacts} on ${contacts.id} = found.id
    left join ${organisations} on ${organisations.id} = ${contacts.organisationId}
    order by found.tier, found.sort_key, found.id
    limit ${count}`);
  return executedRows<ContactChoice>(result);
}

/** Contacts by id, in the order of `ids` (a picker's chosen people); unknown ids are left out. */
export async function contactChoicesById(db: DbExecutor, ids: string[]): Promise<ContactChoice[]> {
  if (!ids.length) return [];
  const rows = await db
    .select(choiceColumns)
    .from(contacts)
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .where(inArray(contacts.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
