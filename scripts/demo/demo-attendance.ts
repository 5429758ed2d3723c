import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { checkIns, contacts, invitations, organisations, registrations } from '@/db/schema';
import type { OrganisationType } from '@/lib/domain';

// The seeded Tashkent plenary's attendance: 104 registered participants, as the news item reported "more than one
// hundred" from the five Central Asian states, UN entities and regional organisations. Every person is invented
// (names combined from common given names and surnames, addresses under example.org, marked as demo data in the
// directory); the organisations are the real participants. Fixed ids, so seeding twice changes nothing.

const id = (block: number, n: number) => `0b7a7c1e-5d1f-4c43-9a51-${String(block * 1000 + n).padStart(12, '0')}`;
/** Organisations of the base seed (seed.ts). */
const seeded = (n: number) => `0b7a7c1e-5d1f-4c43-9a51-${String(200 + n).padStart(12, '0')}`;

// Written as the directory import expects them (shared fixtures), so importing those files matches these rows.
export const attendanceOrganisations: {
  id: string;
  nameEn: string;
  nameRu: string;
  acronym: string | null;
  type: OrganisationType;
  country: string | null;
}[] = [
  {
    id: seeded(13),
    nameEn: 'Ministry of Foreign Affairs of the Republic of Kazakhstan',
    nameRu: 'Министерство иностранных дел Республики Казахстан',
    acronym: 'MFA KZ',
    type: 'government',
    country: 'KZ',
  },
  {
    id: seeded(14),
    nameEn: 'Ministry of Foreign Affairs of the Kyrgyz Republic',
    nameRu: 'Министерство иностранных дел Кыргызской Республики',
    acronym: 'MFA KG',
    type: 'government',
    country: 'KG',
  },
  {
    id: seeded(15),
    nameEn: 'Ministry of Foreign Affairs of the Republic of Tajikistan',
    nameRu: 'Министерство иностранных дел Республики Таджикистан',
    acronym: 'MFA TJ',
    type: 'government',
    country: 'TJ',
  },
  {
    id: seeded(16),
    nameEn: 'Ministry of Foreign Affairs of Turkmenistan',
    nameRu: 'Министерство иностранных дел Туркменистана',
    acronym: 'MFA TM',
    type: 'government',
    country: 'TM',
  },
  {
    id: seeded(17),
    nameEn: 'Ministry of Labour and Social Protection of Population of the Republic of Kazakhstan',
    nameRu: 'Министерство труда и социальной защиты населения Республики Казахстан',
    acronym: null,
    type: 'government',
    country: 'KZ',
  },
  {
    id: seeded(18),
    nameEn: 'Steppe Reintegration Alliance',
    nameRu: 'Альянс «Степь» по реинтеграции',
    acronym: null,
    type: 'civil_society',
    country: 'KZ',
  },
  {
    id: seeded(19),
    nameEn: 'Ala-Too Social Workers Network',
    nameRu: 'Сеть социальных работников «Ала-Тоо»',
    acronym: null,
    type: 'civil_society',
    country: 'KG',
  },
  {
    id: seeded(20),
    nameEn: 'Pamir Family Support Initiative',
    nameRu: 'Инициатива поддержки семей «Памир»',
    acronym: null,
    type: 'civil_society',
    country: 'TJ',
  },
  {
    id: seeded(21),
    nameEn: 'Caspian Community Care Association',
    nameRu: 'Ассоциация общественной заботы «Каспий»',
    acronym: null,
    type: 'civil_society',
    country: 'TM',
  },
  {
    id: seeded(22),
    nameEn: 'Samarkand Rehabilitation Partnership',
    nameRu: 'Партнерство по реабилитации «Самарканд»',
    acronym: null,
    type: 'civil_society',
    country: 'UZ',
  },
];

type Name = [latin: string, cyrillic: string, female: boolean];
type Group = {
  country: string;
  language: 'ru' | 'en';
  organisations: string[];
  count: number;
  given: Name[];
  surnames: [string, string][];
};

const CA_SURNAMES: Record<string, [string, string][]> = {
  UZ: [
    ['Abdullaev', 'Абдуллаев'],
    ['Yusupov', 'Юсупов'],
    ['Nazarov', 'Назаров'],
    ['Mirzaev', 'Мирзаев'],
    ['Ergashev', 'Эргашев'],
    ['Umarov', 'Умаров'],
    ['Zakirov', 'Закиров'],
  ],
  KZ: [
    ['Nurlanov', 'Нурланов'],
    ['Omarov', 'Омаров'],
    ['Zhumabaev', 'Жумабаев'],
    ['Abenov', 'Абенов'],
    ['Iskakov', 'Искаков'],
    ['Ospanov', 'Оспанов'],
  ],
  KG: [
    ['Asanov', 'Асанов'],
    ['Sadykov', 'Садыков'],
    ['Mamytov', 'Мамытов'],
    ['Bakirov', 'Бакиров'],
    ['Isakov', 'Исаков'],
  ],
  TJ: [
    ['Rahmonov', 'Рахмонов'],
    ['Davlatov', 'Давлатов'],
    ['Sharipov', 'Шарипов'],
    ['Odinaev', 'Одинаев'],
    ['Safarov', 'Сафаров'],
  ],
  TM: [
    ['Atayev', 'Атаев'],
    ['Berdyev', 'Бердыев'],
    ['Orazov', 'Оразов'],
    ['Annayev', 'Аннаев'],
  ],
};
const CA_GIVEN: Record<string, Name[]> = {
  UZ: [
    ['Alisher', 'Алишер', false],
    ['Nigora', 'Нигора', true],
    ['Bekzod', 'Бекзод', false],
    ['Shahnoza', 'Шахноза', true],
    ['Ulugbek', 'Улугбек', false],
    ['Feruza', 'Феруза', true],
    ['Javlon', 'Жавлон', false],
  ],
  KZ: [
    ['Yerlan', 'Ерлан', false],
    ['Asel', 'Асель', true],
    ['Marat', 'Марат', false],
    ['Saule', 'Сауле', true],
    ['Askar', 'Аскар', false],
  ],
  KG: [
    ['Aibek', 'Айбек', false],
    ['Cholpon', 'Чолпон', true],
    ['Nurbek', 'Нурбек', false],
    ['Elnura', 'Элнура', true],
  ],
  TJ: [
    ['Firuz', 'Фируз', false],
    ['Manizha', 'Манижа', true],
    ['Parviz', 'Парвиз', false],
    ['Tahmina', 'Тахмина', true],
  ],
  TM: [
    ['Merdan', 'Мердан', false],
    ['Jennet', 'Дженнет', true],
    ['Batyr', 'Батыр', false],
    ['Ogulgerek', 'Огулгерек', true],
  ],
};
const INTERNATIONAL_GIVEN: Name[] = [
  ['Helen', 'Хелен', true],
  ['Marco', 'Марко', false],
  ['Anna', 'Анна', true],
  ['Pavel', 'Павел', false],
  ['Ingrid', 'Ингрид', true],
  ['Tomas', 'Томас', false],
];
const INTERNATIONAL_SURNAMES: [string, string][] = [
  ['Lindqvist', 'Линдквист'],
  ['Moretti', 'Моретти'],
  ['Novak', 'Новак'],
  ['Harding', 'Хардинг'],
  ['Weber', 'Вебер'],
];

const ca = (country: string, count: number, organisations: string[]): Group => ({
  country,
  language: 'ru',
  organisations,
  count,
  given: CA_GIVEN[country]!,
  surnames: CA_SURNAMES[country]!,
});
const intl = (country: string, count: number, organisation: string, language: 'en' | 'ru' = 'en'): Group => ({
  country,
  language,
  organisations: [organisation],
  count,
  given: INTERNATIONAL_GIVEN,
  surnames: INTERNATIONAL_SURNAMES,
});

// 34 + 16 + 14 + 14 + 8 from the five states; 18 from UN entities and regional organisations: 104.
const GROUPS: Group[] = [
  ca('UZ', 34, [seeded(3), seeded(4), seeded(5), seeded(6), seeded(22)]),
  ca('KZ', 16, [seeded(13), seeded(17), seeded(18)]),
  ca('KG', 14, [seeded(14), seeded(19)]),
  ca('TJ', 14, [seeded(15), seeded(20)]),
  ca('TM', 8, [seeded(16), seeded(21)]),
  intl('TM', 4, seeded(1)), // UNRCCA, Ashgabat
  intl('US', 2, seeded(2)), // UNOCT
  intl('US', 2, seeded(8)), // CTED
  intl('UZ', 2, seeded(9), 'ru'), // UNODC
  intl('CN', 2, seeded(10), 'ru'), // SCO
  intl('KZ', 2, seeded(11), 'ru'), // CICA
  intl('BY', 2, seeded(12), 'ru'), // CIS
  intl('AT', 2, seeded(7)), // OSCE
];

export const DEMO_ATTENDANCE = GROUPS.reduce((n, g) => n + g.count, 0);

const TITLES = [
  'Head of Department',
  'Chief Specialist',
  'Deputy Director',
  'Counsellor',
  'Programme Officer',
  'Senior Expert',
  'Social Worker',
  'Researcher',
];
const female = (surname: string, isFemale: boolean) =>
  isFemale && /(ov|ev|yev|in)$/i.test(surname) ? `${surname}a` : surname;
const slug = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

export function demoAttendance(organisationNames: Map<string, string>) {
  const people = [];
  let n = 0;
  let international = 0;
  for (const group of GROUPS) {
    for (let i = 0; i < group.count; i++, n++) {
      // International staff share one list of names: count through it across their groups. Given name by the
      // remainder and surname by the quotient: every combination distinct (each group is smaller than its lists' product).
      const k = group.surnames === INTERNATIONAL_SURNAMES ? international++ : i;
      const given = group.given[k % group.given.length]!;
      const [surnameLatin, surnameCyrillic] =
        group.surnames[Math.floor(k / group.given.length) % group.surnames.length]!;
      const latin = `${given[0]} ${female(surnameLatin, given[2])}`;
      const cyrillic = `${given[1]} ${female(surnameCyrillic, given[2])}`;
      const organisationId = group.organisations[i % group.organisations.length]!;
      people.push({
        contactId: id(2, n),
        invitationId: id(3, n),
        name: group.language === 'ru' ? cyrillic : latin,
        latin,
        email: `${slug(given[0])}.${slug(surnameLatin)}.${n}@demo-participants.example.org`,
        country: group.country,
        language: group.language,
        organisationId,
        organisationName: organisationNames.get(organisationId) ?? '',
        title: TITLES[n % TITLES.length]!,
      });
    }
  }
  return people;
}

/** The plenary's attendance: contacts, accepted invitations and registrations, in the caller's transaction. */
export async function seedDemoAttendance(tx: PgDatabase<PgQueryResultHKT, Record<string, unknown>>, meetingId: string) {
  await tx.insert(organisations).values(attendanceOrganisations).onConflictDoNothing();
  const names = new Map(
    (await tx.select({ id: organisations.id, nameEn: organisations.nameEn }).from(organisations)).map((o) => [
      o.id,
      o.nameEn,
    ]),
  );
  const people = demoAttendance(names);
  await tx
    .insert(contacts)
    .values(
      people.map((p) => ({
        id: p.contactId,
        name: p.name,
        nameLatin: p.latin,
        email: p.email,
        country: p.country,
        language: p.language,
        organisationId: p.organisationId,
        title: p.title,
        source: 'Demo data (fictional people)',
        tags: ['demo'],
      })),
    )
    .onConflictDoNothing();
  const answered = new Date('2024-05-06T09:00:00Z');
  await tx
    .insert(invitations)
    .values(
      people.map((p) => ({
        id: p.invitationId,
        meetingId,
        contactId: p.contactId,
        role: 'delegate' as const,
        email: p.email,
        language: p.language,
        status: 'accepted' as const,
        answeredAt: answered,
        lastSentAt: new Date('2024-04-15T09:00:00Z'),
      })),
    )
    .onConflictDoNothing();
  await tx
    .insert(registrations)
    .values(
      people.map((p, i) => ({
        invitationId: p.invitationId,
        meetingId,
        status: 'registered' as const,
        passportName: p.latin,
        displayName: p.name,
        title: p.title,
        organisationName: p.organisationName,
        country: p.country,
        phone: '',
        arrivalDate: '2024-05-13',
        departureDate: '2024-05-15',
        listConsent: i % 5 !== 0,
        dataConsentAt: answered,
        registeredAt: answered,
      })),
    )
    .onConflictDoNothing();
  // Checked in at the door on the day, all but the last two: the attendance record and the summary count who came.
  await tx
    .insert(checkIns)
    .values(
      people.slice(0, DEMO_CHECKED_IN).map((p, i) => ({
        invitationId: p.invitationId,
        meetingId,
        day: '2024-05-14',
        checkedInAt: new Date(Date.UTC(2024, 4, 14, 4, 10 + Math.floor(i / 4))),
      })),
    )
    .onConflictDoNothing();
}

/** Of the 104 registered, those checked in: still "more than one hundred participants". */
export const DEMO_CHECKED_IN = 102;
