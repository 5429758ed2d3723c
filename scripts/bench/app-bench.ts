import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { getDb } from '@/db/client';
import { composeMessages, loadInvitationMeeting } from '@/db/invitation-mail';
import {
  contacts,
  councils,
  invitations,
  meetings,
  outboxMessages,
  summaries,
  summaryPhotos,
  users,
} from '@/db/schema';
import { authSecret } from '@/lib/auth/secret';
import { invitationToken } from '@/lib/invitation-token';

// Data and baselines for `npm run bench` (scripts/bench-app.ts), on the bench's own database.

/** The bench's minimal dynamic page (app/[locale]/bench/page.bench.tsx): one row. */
export async function readOneMeetingTitle(locale: 'en' | 'ru'): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ titleEn: meetings.titleEn, titleRu: meetings.titleRu })
    .from(meetings)
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  return row ? (locale === 'ru' ? row.titleRu : row.titleEn) : null;
}

const inAYear = () => new Date(Date.now() + 365 * 24 * 3600_000);

async function meeting(councilId: string, title: string, capacity: number | null) {
  const db = await getDb();
  const start = inAYear();
  const [row] = await db
    .insert(meetings)
    .values({
      councilId,
      kind: 'plenary',
      titleEn: title,
      titleRu: `${title} (ru)`,
      startsAt: start,
      endsAt: new Date(start.getTime() + 7 * 3600_000),
      timeZone: 'Asia/Tashkent',
      format: 'in_person',
      cityEn: 'Tashkent',
      cityRu: 'Ташкент',
      country: 'UZ',
      venueEn: 'Congress Hall',
      status: 'invitations_open',
      capacity,
      agendaPublished: false,
    })
    .returning();
  return row!;
}

/** `count` contacts tagged `tag`, invited to `meetingId` and (when `accepted`) already accepted: their link tokens. */
async function invitees(meetingId: string | null, count: number, tag: string, accepted: boolean): Promise<string[]> {
  const db = await getDb();
  const people = await db
    .insert(contacts)
    .values(
      Array.from({ length: count }, (_, i) => ({
        name: `Bench Person ${tag} ${i}`,
        email: `${tag}.${i}@bench.example.org`,
        language: i % 3 === 0 ? ('ru' as const) : ('en' as const),
        country: 'UZ',
        tags: [tag],
        searchKey: `bench person ${tag} ${i}`,
        sortKey: `bench person ${tag} ${String(i).padStart(6, '0')}`,
      })),
    )
    .returning({ id: contacts.id, email: contacts.email, language: contacts.language });
  if (!meetingId) return [];
  const rows = await db
    .insert(invitations)
    .values(
      people.map((p) => ({
        meetingId,
        contactId: p.id,
        role: 'delegate' as const,
        email: p.email,
        language: p.language,
        status: accepted ? ('accepted' as const) : ('invited' as const),
      })),
    )
    .returning({ id: invitations.id, linkVersion: invitations.linkVersion });
  return rows.map((r) => invitationToken(authSecret(), { invitationId: r.id, version: r.linkVersion }));
}

export type BenchData = {
  councilId: string;
  adminId: string;
  /** An unanswered invitation: the landing page as a delegate first sees it. */
  landingToken: string;
  /** Accepted invitations spread over 20 meetings with room for all. */
  spreadTokens: string[];
  /** Accepted invitations all to one meeting. */
  contendedTokens: string[];
  /** A meeting and 5,000 tagged contacts to invite in one send, and a second meeting for the raw insert. */
  bulkMeetingId: string;
  rawMeetingId: string;
};

export async function prepareBenchData({ perScenario }: { perScenario: number }): Promise<BenchData> {
  const db = await getDb();
  const [council] = await db
    .insert(councils)
    .values({ nameEn: 'Bench Council', nameRu: 'Совет для замеров' })
    .returning();
  const [admin] = await db
    .insert(users)
    .values({ email: `bench.admin.${Date.now()}@bench.example.org`, role: 'admin', name: 'Bench admin' })
    .returning();
  const landingMeeting = await meeting(council!.id, 'Bench landing meeting', null);
  const [landingToken] = await invitees(landingMeeting.id, 1, `landing${Date.now()}`, false);
  const spreadTokens: string[] = [];
  const perMeeting = Math.ceil(perScenario / 20);
  for (let m = 0; m < 20; m++) {
    const spread = await meeting(council!.id, `Bench meeting ${m + 1}`, perMeeting * 2);
    spreadTokens.push(...(await invitees(spread.id, perMeeting, `spread${m}x${Date.now()}`, true)));
  }
  const contended = await meeting(council!.id, 'Bench contended meeting', perScenario * 2);
  const contendedTokens = await invitees(contended.id, perScenario, `contended${Date.now()}`, true);
  const bulk = await meeting(council!.id, 'Bench bulk meeting', null);
  const raw = await meeting(council!.id, 'Bench raw-insert meeting', null);
  await invitees(null, 5000, 'bulk', false);
  return {
    councilId: council!.id,
    adminId: admin!.id,
    landingToken: landingToken!,
    spreadTokens,
    contendedTokens,
    bulkMeetingId: bulk.id,
    rawMeetingId: raw.id,
  };
}

/**
 * The rows a send of 5,000 invitations writes (invitations, their outbox messages, audit entries), inserted as
 * plainly as PostgreSQL allows: one statement a table, the rows as one JSON parameter. What inviteContacts is held
 * against. Returns the seconds it took.
 */
export async function rawInsertOfAnInvitationSend(meetingId: string, adminId: string): Promise<number> {
  const db = await getDb();
  const people = await db
    .select({ id: contacts.id, name: contacts.name, email: contacts.email, language: contacts.language })
    .from(contacts)
    .where(sql`${contacts.tags} @> array['bulk']`);
  const meetingRow = (await loadInvitationMeeting(db, meetingId))!;
  const rows = people.map((p) => ({
    id: crypto.randomUUID(),
    meeting_id: meetingId,
    contact_id: p.id,
    role: 'delegate',
    email: p.email,
    language: p.language,
    status: 'invited',
    last_sent_at: new Date().toISOString(),
  }));
  const messages = composeMessages(
    { ...meetingRow, announced: null },
    'invitation',
    rows.map((r, i) => ({
      id: r.id,
      linkVersion: 1,
      language: r.language,
      email: r.email,
      role: 'delegate',
      name: people[i]!.name,
    })),
  );
  const started = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into invitations (id, meeting_id, contact_id, role, email, language, status, last_sent_at)
      select id, meeting_id, contact_id, role::invitation_role, email, language::contact_language, status::invitation_status, last_sent_at
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(id uuid, meeting_id uuid, contact_id uuid, role text, email text, language text, status text, last_sent_at timestamptz)`);
    await tx.execute(sql`insert into outbox_messages (id, message_id, kind, to_address, to_name, from_address, subject, text_body, template, invitation_id, status)
      select id, message_id, kind, to_address, to_name, from_address, subject, text_body, template, invitation_id, status::outbox_status
      from json_to_recordset(${JSON.stringify(messages.map((m) => ({ id: m.id, message_id: m.messageId, kind: m.kind, to_address: m.toAddress, to_name: m.toName, from_address: m.fromAddress, subject: m.subject, text_body: '', template: m.template, invitation_id: m.invitationId, status: m.status })))}::json)
      as r(id uuid, message_id text, kind text, to_address text, to_name text, from_address text, subject text, text_body text, template jsonb, invitation_id uuid, status text)`);
    await tx.execute(sql`insert into audit_log (actor_id, action, entity_type, entity_id, after)
      select ${adminId}::uuid, 'invitation.created', 'invitation', id::text, json_build_object('meetingId', meeting_id, 'contactId', contact_id, 'role', role, 'email', email, 'language', language)
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(id uuid, meeting_id uuid, contact_id uuid, role text, email text, language text)`);
  });
  return (performance.now() - started) / 1000;
}

export async function countOutbox(status: 'queued' | 'sent'): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outboxMessages)
    .where(eq(outboxMessages.status, status));
  return row!.n;
}

/** A database of the bench's own on the server of `serverUrl` (`<name>_appbench`), created afresh: its URL. */
export async function freshBenchDatabase(serverUrl: string): Promise<string> {
  const url = new URL(serverUrl);
  const name = `${url.pathname.replace(/^\//, '') || 'postgres'}_appbench`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs the pgbench baseline's set-up script (its own tables, beside the app's). */
export async function runSqlScript(databaseUrl: string, script: string): Promise<void> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(script);
  } finally {
    await client.end();
  }
}

/** Leaves queued only the messages of `meetingId`'s invitations, for a delivery run of those alone. */
export async function holdBackAllMailBut(meetingId: string) {
  const db = await getDb();
  await db
    .update(outboxMessages)
    .set({ status: 'failed', lastError: 'held back by the bench' })
    .where(
      sql`${outboxMessages.status} = 'queued' and (${outboxMessages.invitationId} is null or ${outboxMessages.invitationId} not in (select id from invitations where meeting_id = ${meetingId}))`,
    );
  return db.select().from(outboxMessages).where(eq(outboxMessages.status, 'queued'));
}

/**
 * A published summary of realistic length with one photo (1600 px, photo-like noise, as an upload is re-encoded), for
 * the public news pages' measurements. Returns its slug.
 */
export async function publishedBenchSummary(councilId: string): Promise<string> {
  const { draftSummary } = await import('@/lib/summary/draft');
  const sharp = (await import('sharp')).default;
  const db = await getDb();
  const startsAt = new Date('2024-05-14T05:00:00Z');
  const [row] = await db
    .insert(meetings)
    .values({
      councilId,
      kind: 'plenary',
      titleEn: 'First meeting of the Bench Council',
      titleRu: 'Первое заседание Совета для замеров',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7 * 3600_000),
      timeZone: 'Asia/Tashkent',
      format: 'in_person',
      cityEn: 'Tashkent',
      cityRu: 'Ташкент',
      country: 'UZ',
      status: 'summary_published',
    })
    .returning();
  const organisation = (nameEn: string, nameRu: string, acronym: string, acronymRu: string) => ({
    nameEn,
    nameRu,
    acronym,
    acronymRu,
  });
  const mandate =
    'The Council strengthens regional and country-specific efforts regarding repatriation, rehabilitation and reintegration of people coming from conflict zones, by institutionalising the exchange of information and capacity-building activities based on lessons learned and good practices.';
  const draft = draftSummary({
    meeting: {
      titleEn: row!.titleEn,
      titleRu: row!.titleRu,
      startsAt,
      timeZone: 'Asia/Tashkent',
      cityEn: 'Tashkent',
      cityRu: 'Ташкент',
      cityRuLocative: null,
    },
    council: { nameEn: 'Bench Council', nameRu: 'Совет для замеров', mandateEn: mandate, mandateRu: mandate },
    organisers: [
      organisation(
        'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
        'Региональный центр ООН по превентивной дипломатии для Центральной Азии',
        'UNRCCA',
        'РЦПДЦА',
      ),
    ],
    coOrganisers: [
      organisation(
        'United Nations Office of Counter-Terrorism',
        'Контртеррористическое управление ООН',
        'UNOCT',
        'КТУ ООН',
      ),
      organisation('Organization for Security and Co-operation in Europe', 'ОБСЕ', 'OSCE', 'ОБСЕ'),
    ],
    participantCount: 104,
    participantBasis: 'attended',
    countries: ['UZ', 'KZ', 'KG', 'TJ', 'TM'],
    organisationTypes: ['government', 'civil_society', 'un_entity', 'regional_organisation'],
    unEntities: [
      organisation('Counter-Terrorism Committee Executive Directorate', 'ИДКТК', 'CTED', 'ИДКТК'),
      organisation('United Nations Office on Drugs and Crime', 'УНП ООН', 'UNODC', 'УНП ООН'),
    ],
    regionalOrganisations: [
      organisation('Shanghai Cooperation Organisation', 'ШОС', 'SCO', 'ШОС'),
      organisation('Commonwealth of Independent States', 'СНГ', 'CIS', 'СНГ'),
    ],
    agenda: [
      {
        kind: 'opening',
        titleEn: 'Opening statement by the Head of UNRCCA',
        titleRu: 'Вступительное слово главы РЦПДЦА',
        descriptionEn: '',
        descriptionRu: '',
        speakers: [{ en: 'Kaha Imnadze', ru: 'Каха Имнадзе' }],
      },
      {
        kind: 'working_session',
        titleEn: 'Discussion: regional and national efforts',
        titleRu: 'Обсуждение: региональные и национальные усилия',
        descriptionEn: '',
        descriptionRu: '',
        speakers: [],
      },
      {
        kind: 'briefing',
        titleEn: 'Briefing for the diplomatic community',
        titleRu: 'Брифинг для дипломатического корпуса',
        descriptionEn: '',
        descriptionRu: '',
        speakers: [],
      },
    ],
  });
  const slug = `${draft.slug}-${Date.now().toString(36)}`;
  const now = new Date();
  const [summary] = await db
    .insert(summaries)
    .values({ meetingId: row!.id, ...draft, slug, status: 'published', publishedAt: now, firstPublishedAt: now })
    .returning({ id: summaries.id });
  const { data, info } = await sharp({
    create: {
      width: 1600,
      height: 1067,
      channels: 3,
      background: '#5a7d9a',
      noise: { type: 'gaussian', mean: 120, sigma: 20 },
    },
  })
    .blur(2)
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  await db.insert(summaryPhotos).values({
    summaryId: summary!.id,
    altEn: 'Participants of the meeting in the conference hall',
    altRu: 'Участники заседания в конференц-зале',
    credit: 'UNRCCA',
    contentType: 'image/jpeg',
    width: info.width,
    height: info.height,
    byteSize: data.length,
    sha256: 'bench',
    data,
  });
  return slug;
}
