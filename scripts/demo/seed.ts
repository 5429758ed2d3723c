import { eq } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { fillMissingDirectoryKeys } from '@/db/directory-keys';
import {
  agendaItemPeople,
  agendaItems,
  contacts,
  councils,
  meetingOrganisations,
  meetings,
  organisations,
  workingGroups,
} from '@/db/schema';
import type { NewMeeting, NewOrganisation, OrganisationRole } from '@/db/schema';
import { calendarDateIn, zonedToInstant } from '@/lib/datetime';
import { seedDemoAttendance } from './demo-attendance';
import { seedDemoRoster } from './demo-roster';
import { seedDemoDelegations } from './demo-delegations';

// Demo data from the secretariat's news item of 15 May 2024 on the council's first meeting. Names and acronyms are
// written exactly as the directory import expects them (shared fixtures), so a later import matches these rows
// instead of duplicating them. Fixed ids make seeding idempotent.

export const DEMO_COUNCIL_ID = '0b7a7c1e-5d1f-4c43-9a51-000000000001';
export const DEMO_PLENARY_ID = '0b7a7c1e-5d1f-4c43-9a51-000000000101';
export const DEMO_WORKING_GROUP_ID = '0b7a7c1e-5d1f-4c43-9a51-000000000102';
/** The council's working group (the meeting above is DEMO_WORKING_GROUP_ID, a meeting *of* it). */
export const DEMO_WORKING_GROUP_BODY_ID = '0b7a7c1e-5d1f-4c43-9a51-000000000301';
/** Where delegates write to the demo council's secretariat (UNRCCA): public pages and every email's Reply-To. */
export const DEMO_SECRETARIAT_EMAIL = 'expert-council@unrcca.example.org';

const council = {
  id: DEMO_COUNCIL_ID,
  nameEn: 'Regional Expert Council on Rehabilitation and Reintegration of Returnees',
  nameRu: 'Региональный экспертный совет по реабилитации и реинтеграции возвращенцев',
  mandateEn:
    'The Council strengthens regional and country-specific efforts regarding repatriation, rehabilitation and ' +
    'reintegration of people coming from conflict zones, by institutionalising the exchange of information and ' +
    'capacity-building activities based on lessons learned and good practices. It was established at the ' +
    'initiative of the President of Uzbekistan, announced at the high-level conference in Tashkent in March 2022 on ' +
    'regional cooperation of the countries of Central Asia within the framework of the Joint Action Plan for the ' +
    'Implementation of the UN Global Counter-Terrorism Strategy.',
  secretariatOrganisationId: '0b7a7c1e-5d1f-4c43-9a51-000000000201',
  contactEmail: DEMO_SECRETARIAT_EMAIL,
  mandateRu:
    'Совет укрепляет региональные и национальные усилия по репатриации, реабилитации и реинтеграции лиц, ' +
    'возвращающихся из зон конфликтов, посредством институционализации обмена информацией и мероприятий по ' +
    'наращиванию потенциала на основе извлеченных уроков и передовой практики. Совет создан по инициативе ' +
    'Президента Узбекистана, объявленной на конференции высокого уровня в Ташкенте в марте 2022 года, посвященной ' +
    'региональному сотрудничеству стран Центральной Азии в рамках Совместного плана действий по осуществлению ' +
    'Глобальной контртеррористической стратегии ООН.',
};

type DemoOrganisation = NewOrganisation & { id: string; role: OrganisationRole };

const organisationId = (n: number) => `0b7a7c1e-5d1f-4c43-9a51-${String(200 + n).padStart(12, '0')}`;

export const demoOrganisations: DemoOrganisation[] = [
  {
    id: organisationId(1),
    nameEn: 'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
    nameRu: 'Региональный центр Организации Объединенных Наций по превентивной дипломатии для Центральной Азии',
    acronym: 'UNRCCA',
    acronymRu: 'РЦПДЦА',
    type: 'un_entity',
    country: null,
    role: 'organiser',
  },
  {
    id: organisationId(2),
    nameEn: 'United Nations Office of Counter-Terrorism',
    nameRu: 'Контртеррористическое управление Организации Объединенных Наций',
    acronym: 'UNOCT',
    acronymRu: 'КТУ ООН',
    type: 'un_entity',
    country: null,
    role: 'co_organiser',
  },
  {
    id: organisationId(3),
    nameEn: 'Ministry of Foreign Affairs of the Republic of Uzbekistan',
    nameRu: 'Министерство иностранных дел Республики Узбекистан',
    acronym: 'MFA UZ',
    acronymRu: 'МИД РУз',
    type: 'government',
    country: 'UZ',
    role: 'co_organiser',
  },
  {
    id: organisationId(4),
    nameEn: 'Institute for Strategic and Regional Studies under the President of the Republic of Uzbekistan',
    nameRu: 'Институт стратегических и межрегиональных исследований при Президенте Республики Узбекистан',
    acronym: 'ISRS',
    acronymRu: 'ИСМИ',
    type: 'academic',
    country: 'UZ',
    role: 'co_organiser',
  },
  {
    id: organisationId(5),
    nameEn: 'State Security Service of the Republic of Uzbekistan',
    nameRu: 'Служба государственной безопасности Республики Узбекистан',
    acronym: 'SSS',
    acronymRu: 'СГБ',
    type: 'government',
    country: 'UZ',
    role: 'co_organiser',
  },
  {
    id: organisationId(6),
    nameEn: "Family and Women's Committee",
    nameRu: 'Комитет по делам семьи и женщин',
    acronym: null,
    acronymRu: null,
    type: 'government',
    country: 'UZ',
    role: 'co_organiser',
  },
  {
    id: organisationId(7),
    nameEn: 'Organization for Security and Co-operation in Europe',
    nameRu: 'Организация по безопасности и сотрудничеству в Европе',
    acronym: 'OSCE',
    acronymRu: 'ОБСЕ',
    type: 'regional_organisation',
    country: null,
    role: 'co_organiser',
  },
  {
    id: organisationId(8),
    nameEn: 'Counter-Terrorism Committee Executive Directorate',
    nameRu: 'Исполнительный директорат Контртеррористического комитета',
    acronym: 'CTED',
    acronymRu: 'ИДКТК',
    type: 'un_entity',
    country: null,
    role: 'participating',
  },
  {
    id: organisationId(9),
    nameEn: 'United Nations Office on Drugs and Crime',
    nameRu: 'Управление Организации Объединенных Наций по наркотикам и преступности',
    acronym: 'UNODC',
    acronymRu: 'УНП ООН',
    type: 'un_entity',
    country: null,
    role: 'participating',
  },
  {
    id: organisationId(10),
    nameEn: 'Shanghai Cooperation Organisation',
    nameRu: 'Шанхайская организация сотрудничества',
    acronym: 'SCO',
    acronymRu: 'ШОС',
    type: 'regional_organisation',
    country: null,
    role: 'participating',
  },
  {
    id: organisationId(11),
    nameEn: 'Conference on Interaction and Confidence Building Measures in Asia',
    nameRu: 'Совещание по взаимодействию и мерам доверия в Азии',
    acronym: 'CICA',
    acronymRu: 'СВМДА',
    type: 'regional_organisation',
    country: null,
    role: 'participating',
  },
  {
    id: organisationId(12),
    nameEn: 'Commonwealth of Independent States',
    nameRu: 'Содружество Независимых Государств',
    acronym: 'CIS',
    acronymRu: 'СНГ',
    type: 'regional_organisation',
    country: null,
    role: 'participating',
  },
];

const TASHKENT = 'Asia/Tashkent';

function demoMeetings(now: Date): (NewMeeting & { id: string })[] {
  // The next working-group meeting: about six weeks after the database is created, 10:00–12:00 Tashkent time.
  const inSixWeeks = calendarDateIn(new Date(now.getTime() + 42 * 24 * 3600 * 1000), TASHKENT);
  return [
    {
      id: DEMO_PLENARY_ID,
      councilId: DEMO_COUNCIL_ID,
      kind: 'plenary',
      titleEn: 'First meeting of the Regional Expert Council on Rehabilitation and Reintegration of Returnees',
      titleRu: 'Первое заседание Регионального экспертного совета по реабилитации и реинтеграции возвращенцев',
      startsAt: zonedToInstant({ year: 2024, month: 5, day: 14, hour: 10, minute: 0 }, TASHKENT),
      endsAt: zonedToInstant({ year: 2024, month: 5, day: 14, hour: 17, minute: 0 }, TASHKENT),
      timeZone: TASHKENT,
      format: 'in_person',
      cityEn: 'Tashkent',
      cityRu: 'Ташкент',
      country: 'UZ',
      status: 'held',
      agendaPublished: true,
    },
    {
      id: DEMO_WORKING_GROUP_ID,
      councilId: DEMO_COUNCIL_ID,
      kind: 'working_group',
      titleEn: 'Working group meeting of the Regional Expert Council',
      titleRu: 'Заседание рабочей группы Регионального экспертного совета',
      startsAt: zonedToInstant({ ...inSixWeeks, hour: 10, minute: 0 }, TASHKENT),
      endsAt: zonedToInstant({ ...inSixWeeks, hour: 12, minute: 0 }, TASHKENT),
      timeZone: TASHKENT,
      format: 'online',
      workingGroupId: DEMO_WORKING_GROUP_BODY_ID,
      meetingLink: 'https://meet.example.org/unrcca-expert-council-wg',
      capacity: 40,
      // Registration closes a week before, at 18:00 Tashkent time.
      registrationDeadline: zonedToInstant(
        { ...calendarDateIn(new Date(now.getTime() + 35 * 24 * 3600 * 1000), TASHKENT), hour: 18, minute: 0 },
        TASHKENT,
      ),
      objectivesEn:
        'Take stock of national rehabilitation and reintegration programmes since the plenary, and agree the working group’s plan for the year.',
      objectivesRu:
        'Подвести итоги национальных программ реабилитации и реинтеграции после пленарного заседания и согласовать план работы группы на год.',
      status: 'invitations_open',
      agendaPublished: true,
    },
  ];
}

const HEAD_OF_UNRCCA_ID = '0b7a7c1e-5d1f-4c43-9a51-000000000401';
const agendaId = (n: number) => `0b7a7c1e-5d1f-4c43-9a51-${String(500 + n).padStart(12, '0')}`;

function demoAgenda(now: Date) {
  const day = { year: 2024, month: 5, day: 14 };
  const at = (hour: number, minute = 0) => zonedToInstant({ ...day, hour, minute }, TASHKENT);
  const wg = calendarDateIn(new Date(now.getTime() + 42 * 24 * 3600 * 1000), TASHKENT);
  const wgAt = (hour: number, minute = 0) => zonedToInstant({ ...wg, hour, minute }, TASHKENT);
  const item = (
    n: number,
    meetingId: string,
    values: Omit<typeof agendaItems.$inferInsert, 'id' | 'meetingId' | 'position'>,
  ) => ({
    id: agendaId(n),
    meetingId,
    position: n % 100,
    ...values,
  });
  return [
    item(0, DEMO_PLENARY_ID, {
      kind: 'opening',
      startsAt: at(10),
      endsAt: at(10, 30),
      titleEn:
        'Opening statement by the Special Representative of the Secretary-General for Central Asia, Head of UNRCCA',
      titleRu:
        'Вступительное слово Специального представителя Генерального секретаря по Центральной Азии, главы РЦПДЦА',
      room: 'Main hall',
    }),
    item(1, DEMO_PLENARY_ID, {
      kind: 'working_session',
      startsAt: at(10, 30),
      endsAt: at(13),
      titleEn: 'Discussion: regional and national efforts on repatriation, rehabilitation and reintegration',
      titleRu: 'Обсуждение: региональные и национальные усилия по репатриации, реабилитации и реинтеграции',
      room: 'Main hall',
    }),
    item(2, DEMO_PLENARY_ID, { kind: 'break', startsAt: at(13), endsAt: at(14), titleEn: 'Lunch', titleRu: 'Обед' }),
    item(3, DEMO_PLENARY_ID, {
      kind: 'working_session',
      startsAt: at(14),
      endsAt: at(16),
      titleEn: 'Discussion: lessons learned, good practices and the Council’s work ahead',
      titleRu: 'Обсуждение: извлеченные уроки, передовая практика и дальнейшая работа Совета',
      room: 'Main hall',
    }),
    item(4, DEMO_PLENARY_ID, {
      kind: 'side_meeting',
      startsAt: at(14),
      endsAt: at(15, 30),
      titleEn: 'Bilateral meetings of the Special Representative with the national authorities of Uzbekistan',
      titleRu: 'Двусторонние встречи Специального представителя с национальными органами Узбекистана',
      room: 'Meeting room 2',
    }),
    item(5, DEMO_PLENARY_ID, {
      kind: 'briefing',
      startsAt: at(16),
      endsAt: at(17),
      titleEn:
        'Briefing for the diplomatic community on UNRCCA’s engagement in preventing extremism and countering terrorism',
      titleRu:
        'Брифинг для дипломатического корпуса о работе РЦПДЦА по предупреждению экстремизма и противодействию терроризму',
      descriptionEn: 'Organized by UNOCT and the Uzbek counterparts.',
      descriptionRu: 'Организован КТУ ООН и узбекскими партнерами.',
      room: 'Meeting room 2',
    }),
    item(100, DEMO_WORKING_GROUP_ID, {
      kind: 'opening',
      startsAt: wgAt(10),
      endsAt: wgAt(10, 15),
      titleEn: 'Opening remarks by the secretariat',
      titleRu: 'Вступительное слово секретариата',
    }),
    item(101, DEMO_WORKING_GROUP_ID, {
      kind: 'working_session',
      startsAt: wgAt(10, 15),
      endsAt: wgAt(11, 45),
      titleEn: 'Country updates on rehabilitation and reintegration programmes',
      titleRu: 'Информация стран о программах реабилитации и реинтеграции',
    }),
    item(102, DEMO_WORKING_GROUP_ID, {
      kind: 'working_session',
      startsAt: wgAt(11, 45),
      endsAt: wgAt(12),
      titleEn: 'The working group’s plan for the year; closing',
      titleRu: 'План работы группы на год; закрытие',
    }),
  ];
}

/**
 * Loads the demo council, its organisations, roster and two meetings. Safe to run again: rows that exist are left as they
 * are (including the working-group meeting's date, fixed when it was first seeded).
 */
export async function seedDemoData(
  db: PgDatabase<PgQueryResultHKT, Record<string, unknown>>,
  { now = new Date() }: { now?: Date } = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(organisations)
      .values(demoOrganisations.map(({ role, ...organisation }) => (void role, organisation)))
      .onConflictDoNothing();
    await tx.insert(councils).values(council).onConflictDoNothing();
    await tx
      .insert(workingGroups)
      .values({
        id: DEMO_WORKING_GROUP_BODY_ID,
        councilId: DEMO_COUNCIL_ID,
        nameEn: 'Working Group on Rehabilitation and Reintegration Practice',
        nameRu: 'Рабочая группа по практике реабилитации и реинтеграции',
      })
      .onConflictDoNothing();
    await tx.insert(meetings).values(demoMeetings(now)).onConflictDoNothing();
    // Named on the public agenda (the opening statement), so a contact of the directory.
    await tx
      .insert(contacts)
      .values({
        id: HEAD_OF_UNRCCA_ID,
        name: 'Kaha Imnadze',
        email: 'kaha.imnadze@unrcca.example.org',
        organisationId: organisationId(1),
        language: 'en',
      })
      .onConflictDoNothing();
    await tx.insert(agendaItems).values(demoAgenda(now)).onConflictDoNothing();
    await tx
      .insert(agendaItemPeople)
      .values([
        { agendaItemId: agendaId(0), contactId: HEAD_OF_UNRCCA_ID, role: 'speaker' },
        { agendaItemId: agendaId(4), contactId: HEAD_OF_UNRCCA_ID, role: 'participant' },
        { agendaItemId: agendaId(5), contactId: HEAD_OF_UNRCCA_ID, role: 'speaker' },
      ])
      .onConflictDoNothing();
    await tx
      .insert(meetingOrganisations)
      .values([
        ...demoOrganisations.map((o, position) => ({
          meetingId: DEMO_PLENARY_ID,
          organisationId: o.id,
          role: o.role,
          position,
        })),
        {
          meetingId: DEMO_WORKING_GROUP_ID,
          organisationId: organisationId(1),
          role: 'organiser' as const,
          position: 0,
        },
      ])
      .onConflictDoNothing();
    await seedDemoAttendance(tx, DEMO_PLENARY_ID);
    await seedDemoRoster(tx, DEMO_COUNCIL_ID, DEMO_WORKING_GROUP_BODY_ID);
    // Nominations close with registration, a week before the working-group meeting.
    const [workingGroupMeeting] = await tx
      .select({ deadline: meetings.registrationDeadline, startsAt: meetings.startsAt })
      .from(meetings)
      .where(eq(meetings.id, DEMO_WORKING_GROUP_ID));
    await seedDemoDelegations(
      tx,
      DEMO_WORKING_GROUP_ID,
      workingGroupMeeting!.deadline ?? workingGroupMeeting!.startsAt,
    );
    await fillMissingDirectoryKeys(tx);
  });
}

/** Loads the demo into the process's database (DATABASE_URL, or the embedded one): `npm run db:seed`, `npm run dev`. */
export async function seedProcessDatabase(): Promise<void> {
  await seedDemoData(await getDb());
}
