import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { contactKeys, organisationSearchKey } from '@/db/directory-keys';
import { contacts, organisations } from '@/db/schema';
import type { OrganisationType } from '@/lib/domain';

// A directory the size of a real secretariat's after years of meetings (`npm run db:generate-demo`), for trying
// the pages at scale and for `npm run bench`. Deterministic: the same counts give the same people.

const FIRST = [
  ['Aziz', 'Азиз'],
  ['Bakyt', 'Бакыт'],
  ['Dilnoza', 'Дилноза'],
  ['Farrukh', 'Фаррух'],
  ['Gulnara', 'Гульнара'],
  ['Kamila', 'Камила'],
  ['Madina', 'Мадина'],
  ['Nurlan', 'Нурлан'],
  ['Rustam', 'Рустам'],
  ['Sherzod', 'Шерзод'],
  ['Timur', 'Тимур'],
  ['Zarina', 'Зарина'],
  ['Aidana', 'Айдана'],
  ['Yerzhan', 'Ержан'],
  ['Serdar', 'Сердар'],
  ['Mehriban', 'Мехрибан'],
  ['Daniyar', 'Данияр'],
  ['Olga', 'Ольга'],
  ['Ainur', 'Айнур'],
  ['Jamshid', 'Джамшид'],
  ['Malika', 'Малика'],
  ['Bobur', 'Бобур'],
  ['Saule', 'Сауле'],
  ['Azamat', 'Азамат'],
  ['Nigora', 'Нигора'],
] as const;
// Surnames are a root and an ending (Rakhim + ov, Rakhim + zoda…): 195 of them, so one surname is a realistic
// half a per cent of the directory rather than a thirtieth.
const ROOTS = [
  ['Ismoil', 'Исмоил'],
  ['Rakhim', 'Рахим'],
  ['Karim', 'Карим'],
  ['Nazar', 'Назар'],
  ['Usman', 'Усман'],
  ['Sadyk', 'Садык'],
  ['Juma', 'Жума'],
  ['Oraz', 'Ораз'],
  ['Kurban', 'Курбан'],
  ['Ermek', 'Ермек'],
  ['Akhmet', 'Ахмет'],
  ['Sapar', 'Сапар'],
  ['Yusup', 'Юсуп'],
  ['Mirzo', 'Мирзо'],
  ['Tursun', 'Турсун'],
  ['Nemat', 'Немат'],
  ['Alim', 'Алим'],
  ['Sultan', 'Султан'],
  ['Toktogul', 'Токтогул'],
  ['Berdi', 'Берди'],
  ['Kasym', 'Касым'],
  ['Ibragim', 'Ибрагим'],
  ['Mamat', 'Мамат'],
  ['Sharip', 'Шарип'],
  ['Vali', 'Вали'],
  ['Zakir', 'Закир'],
  ['Rasul', 'Расул'],
  ['Khodja', 'Ходжа'],
  ['Umar', 'Умар'],
  ['Yunus', 'Юнус'],
  ['Safar', 'Сафар'],
  ['Davlat', 'Давлат'],
  ['Khamid', 'Хамид'],
  ['Salim', 'Салим'],
  ['Gafur', 'Гафур'],
  ['Azim', 'Азим'],
  ['Latif', 'Латиф'],
  ['Murod', 'Мурод'],
  ['Nabi', 'Наби'],
] as const;
const ENDINGS = [
  ['ov', 'ов'],
  ['zoda', 'зода'],
  ['bekov', 'беков'],
  ['jonov', 'жонов'],
  ['kulov', 'кулов'],
] as const;
const LAST = ROOTS.flatMap(([latin, cyrillic]) => ENDINGS.map(([l, c]) => [latin + l, cyrillic + c] as const));
const TITLES = [
  'Counsellor',
  'Chief Specialist',
  'Head of Division',
  'Programme Officer',
  'Senior Expert',
  'Deputy Minister',
  'Главный специалист',
  'Заведующий отделом',
  'Researcher',
  'Attaché',
];
const TAGS = ['focal point', 'expert', 'media', 'speaker', 'civil society', 'diplomat'];
const COUNTRIES = [
  ['KZ', 'Kazakhstan', 'the Republic of Kazakhstan'],
  ['KG', 'Kyrgyzstan', 'the Kyrgyz Republic'],
  ['TJ', 'Tajikistan', 'the Republic of Tajikistan'],
  ['TM', 'Turkmenistan', 'Turkmenistan'],
  ['UZ', 'Uzbekistan', 'the Republic of Uzbekistan'],
  ['AF', 'Afghanistan', 'Afghanistan'],
  ['RU', 'Russia', 'the Russian Federation'],
] as const;
const BODIES: [string, string, OrganisationType][] = [
  ['Ministry of Foreign Affairs', 'MFA', 'government'],
  ['Ministry of Internal Affairs', 'MIA', 'government'],
  ['Ministry of Justice', 'MOJ', 'government'],
  ['Ministry of Labour and Social Protection', 'MLSP', 'government'],
  ['State Committee for Religious Affairs', 'SCRA', 'government'],
  ['Public Foundation for Reintegration Support', 'PFRS', 'civil_society'],
  ['Institute for Strategic Studies', 'ISS', 'academic'],
  ['National Television and Radio', 'NTR', 'media'],
  ['Embassy', 'EMB', 'diplomatic_mission'],
];

const GENERATED_NOTE = 'Generated demo data.';
const GENERATED_SOURCE = 'Generated demo data';

export async function generateDemoDirectory(
  db: PgDatabase<PgQueryResultHKT, Record<string, unknown>>,
  { contacts: contactCount, organisations: organisationCount }: { contacts: number; organisations: number },
): Promise<{ organisations: number; contacts: number }> {
  // Running it again adds more people and organisations rather than repeating the first ones.
  const [{ organisationOffset, contactOffset }] = (await db
    .select({
      organisationOffset: sql<number>`(select count(*)::int from ${organisations} where ${organisations.notes} = ${GENERATED_NOTE})`,
      contactOffset: sql<number>`(select count(*)::int from ${contacts} where ${contacts.source} = ${GENERATED_SOURCE})`,
    })
    .from(sql`(select 1) as one`)) as [{ organisationOffset: number; contactOffset: number }];
  const organisationRows = Array.from({ length: organisationCount }, (_, n) => {
    const i = n + organisationOffset;
    const [body, short, type] = BODIES[i % BODIES.length]!;
    const [code, , formal] = COUNTRIES[Math.floor(i / BODIES.length) % COUNTRIES.length]!;
    const office = Math.floor(i / (BODIES.length * COUNTRIES.length)) + 1;
    const values = {
      nameEn: `${body} of ${formal}${office > 1 ? `, regional office ${office}` : ''}`,
      acronym: `${short} ${code}${office > 1 ? ` ${office}` : ''}`,
      type,
      country: code,
      notes: GENERATED_NOTE,
    };
    return { ...values, searchKey: organisationSearchKey(values) };
  });
  const organisationIds: string[] = [];
  for (let i = 0; i < organisationRows.length; i += 1000) {
    const inserted = await db
      .insert(organisations)
      .values(organisationRows.slice(i, i + 1000))
      .returning({ id: organisations.id });
    organisationIds.push(...inserted.map((o) => o.id));
  }

  let created = 0;
  for (let start = 0; start < contactCount; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, contactCount - start) }, (_, k) => {
      const i = start + k + contactOffset;
      const first = FIRST[i % FIRST.length]!;
      const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
      // A third of the directory is written in Cyrillic, as Russian-language sources write it.
      const cyrillic = i % 3 === 0;
      const name = cyrillic ? `${first[1]} ${last[1]}` : `${first[0]} ${last[0]}`;
      const organisationIndex = organisationIds.length ? (i * 7) % organisationIds.length : -1;
      const values = {
        name,
        nameLatin: cyrillic ? `${first[0]} ${last[0]}` : null,
        email: `${first[0]}.${last[0]}.${i}@org${Math.max(organisationIndex, 0)}.example.org`.toLowerCase(),
        title: TITLES[i % TITLES.length]!,
        phone: `+998 71 ${String(100 + (i % 900))} ${String(i % 100).padStart(2, '0')} ${String(i % 97).padStart(2, '0')}`,
        organisationId: organisationIndex >= 0 ? organisationIds[organisationIndex]! : null,
        country: COUNTRIES[i % COUNTRIES.length]![0],
        language: cyrillic || i % 2 === 0 ? ('ru' as const) : ('en' as const),
        tags: i % 5 === 0 ? [TAGS[i % TAGS.length]!] : [],
        source: GENERATED_SOURCE,
      };
      return { ...values, ...contactKeys(values) };
    });
    const inserted = await db.insert(contacts).values(batch).onConflictDoNothing().returning({ id: contacts.id });
    created += inserted.length;
  }
  // Fresh statistics and visibility map, as autovacuum would leave them, so the planner sees the tables as they are.
  await db.execute(sql`vacuum analyze organisations`);
  await db.execute(sql`vacuum analyze contacts`);
  return { organisations: organisationIds.length, contacts: created };
}

/** `npm run db:generate-demo`: a generated directory of the given size, added to the process's database. */
export async function generateDemoDirectoryInProcessDatabase(counts: { contacts: number; organisations: number }) {
  return generateDemoDirectory(await getDb(), counts);
}
