import 'server-only';
import { and, desc, eq, exists, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { authSecret } from '@/lib/auth/secret';
import { nomineeCourtesy } from '@/lib/courtesy';
import { formatDateTime } from '@/lib/datetime';
import { renderDocument, type DocumentModel, type RenderedDocument } from '@/lib/documents';
import { readInvitationToken } from '@/lib/invitation-token';
import { meetingPlace } from '@/lib/mail/invitation-email';
import { letterDates } from '@/lib/note-verbale';
import {
  arrangeList,
  participantListModel,
  type ListBasis,
  type ListOrganisation,
  type ListPerson,
} from '@/lib/participant-list';
import { actorOf, recordAudit } from './audit';
import { getDb, type DbExecutor } from './client';
import { loadInvitationMeeting, type LoadedMeeting } from './invitation-mail';
import {
  checkIns,
  contacts,
  councils,
  delegationMembers,
  delegations,
  invitations,
  organisations,
  participantListReleases,
  registrations,
} from './schema';

// The list of participants: who is on it (consent to the list given, data not erased; registered before the
// meeting's end, attended after it once check-ins exist), the draft staff download, and the versions released to
// delegates, which keep the documents' models so each file is written again exactly as released.

export type ListLanguage = 'en' | 'ru';
export type ListFormat = 'pdf' | 'docx';

const delegationOrganisations = alias(organisations, 'delegation_organisations');

const organisationOf = (
  row: {
    id: string | null;
    nameEn: string | null;
    nameRu: string | null;
    acronym: string | null;
    acronymRu: string | null;
    type: ListOrganisation['type'] | null;
    country: string | null;
  } | null,
): ListOrganisation | null =>
  row?.id && row.nameEn && row.type
    ? {
        id: row.id,
        nameEn: row.nameEn,
        nameRu: row.nameRu,
        acronym: row.acronym,
        acronymRu: row.acronymRu,
        type: row.type,
        country: row.country,
      }
    : null;

const organisationColumns = (table: typeof organisations | typeof delegationOrganisations) => ({
  id: table.id,
  nameEn: table.nameEn,
  nameRu: table.nameRu,
  acronym: table.acronym,
  acronymRu: table.acronymRu,
  type: table.type,
  country: table.country,
});

const attended = exists(
  sql`(select 1 from ${checkIns} where ${checkIns.invitationId} = ${registrations.invitationId} and ${checkIns.undoneAt} is null)`,
);

/** Whether the meeting has any live check-in: after its end, the list and the record then count attendance. */
async function hasCheckIns(executor: DbExecutor, meetingId: string): Promise<boolean> {
  const [row] = await executor
    .select({ one: sql<number>`1` })
    .from(checkIns)
    .where(and(eq(checkIns.meetingId, meetingId), isNull(checkIns.undoneAt)))
    .limit(1);
  return Boolean(row);
}

/** Who "participants" means now: those registered, or — once the meeting is over and check-ins exist — attended. */
export async function listBasis(
  executor: DbExecutor,
  meeting: { id: string; endsAt: Date },
  now: Date,
): Promise<ListBasis> {
  return meeting.endsAt <= now && (await hasCheckIns(executor, meeting.id)) ? 'attended' : 'registered';
}

/** The people the list may name: only those who consented to it, never anyone whose data was erased. */
export async function listPeople(
  executor: DbExecutor,
  meetingId: string,
  basis: ListBasis,
  // The attendance paragraph names States and organisations, not people: it counts everyone who came.
  { listedOnly = true }: { listedOnly?: boolean } = {},
): Promise<ListPerson[]> {
  const rows = await executor
    .select({
      invitationId: registrations.invitationId,
      passportName: registrations.passportName,
      displayName: registrations.displayName,
      position: registrations.title,
      organisationName: registrations.organisationName,
      courtesyTitle: contacts.courtesyTitle,
      grammaticalGender: contacts.grammaticalGender,
      organisation: organisationColumns(organisations),
      delegationCountry: delegations.countryCode,
      delegationOrganisation: organisationColumns(delegationOrganisations),
      memberTitle: delegationMembers.title,
      head: delegationMembers.head,
      listOrder: delegationMembers.listOrder,
    })
    .from(registrations)
    .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
    .leftJoin(
      delegationMembers,
      and(eq(delegationMembers.invitationId, registrations.invitationId), eq(delegationMembers.status, 'invited')),
    )
    .leftJoin(delegations, eq(delegations.id, delegationMembers.delegationId))
    .leftJoin(delegationOrganisations, eq(delegationOrganisations.id, delegations.organisationId))
    .where(
      and(
        eq(registrations.meetingId, meetingId),
        listedOnly ? eq(registrations.listConsent, true) : undefined,
        listedOnly ? isNull(registrations.erasedAt) : undefined,
        basis === 'attended' ? attended : eq(registrations.status, 'registered'),
      ),
    );
  const seen = new Set<string>();
  const people: ListPerson[] = [];
  for (const row of rows) {
    if (seen.has(row.invitationId)) continue;
    seen.add(row.invitationId);
    const delegationOrganisation = organisationOf(row.delegationOrganisation);
    const courtesy = row.courtesyTitle
      ? { courtesyTitle: row.courtesyTitle, grammaticalGender: row.grammaticalGender }
      : row.memberTitle
        ? nomineeCourtesy(row.memberTitle)
        : { courtesyTitle: null, grammaticalGender: row.grammaticalGender };
    people.push({
      invitationId: row.invitationId,
      passportName: row.passportName,
      displayName: row.displayName,
      ...courtesy,
      position: row.position,
      organisationName: row.organisationName,
      organisation: organisationOf(row.organisation),
      delegation: row.delegationCountry
        ? { country: row.delegationCountry }
        : delegationOrganisation
          ? { organisation: delegationOrganisation }
          : null,
      head: row.head ?? false,
      listOrder: row.listOrder ?? null,
    });
  }
  return people;
}

export async function secretariatId(executor: DbExecutor, councilId: string): Promise<string | null> {
  const [row] = await executor
    .select({ id: councils.secretariatOrganisationId })
    .from(councils)
    .where(eq(councils.id, councilId));
  return row?.id ?? null;
}

export type ListModels = { basis: ListBasis; entries: number; models: Record<ListLanguage, DocumentModel> };

/** Both languages' documents of the list as it stands at `now`. */
export async function buildListModels(
  executor: DbExecutor,
  meeting: LoadedMeeting,
  { now, mark }: { now: Date; mark: 'draft' | 'final' },
): Promise<ListModels> {
  const basis = await listBasis(executor, meeting, now);
  const [people, secretariat] = await Promise.all([
    listPeople(executor, meeting.id, basis),
    secretariatId(executor, meeting.councilId),
  ]);
  const model = (language: ListLanguage) =>
    participantListModel({
      language,
      meetingTitle: language === 'ru' ? meeting.titleRu : meeting.titleEn,
      when: letterDates(meeting.startsAt, meeting.endsAt, meeting.timeZone, language),
      where: meetingPlace(meeting, language),
      asOf: formatDateTime(now, meeting.timeZone, language),
      basis,
      mark,
      groups: arrangeList(people, language, secretariat),
    });
  return { basis, entries: people.length, models: { en: model('en'), ru: model('ru') } };
}

/** The list as it stands, marked as a draft, in one language: what staff download to check or edit. */
export async function draftParticipantList({
  actor,
  meetingId,
  language,
  now = new Date(),
}: {
  actor: StaffUser;
  meetingId: string;
  language: ListLanguage;
  now?: Date;
}): Promise<(RenderedDocument & { basis: ListBasis }) | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const meeting = await loadInvitationMeeting(db, meetingId);
  if (!meeting) return null;
  const { basis, models } = await buildListModels(db, meeting, { now, mark: 'draft' });
  return { ...(await renderDocument(models[language])), basis };
}

export type ListRelease = { id: string; releasedAt: Date; basis: ListBasis; entries: number };

/**
 * Stores the list as it stands as the version delegates see, replacing the one before (which stays in the table,
 * with who released it, as the record of what was circulated).
 */
export async function releaseParticipantList({
  actor,
  meetingId,
  now = new Date(),
}: {
  actor: StaffUser;
  meetingId: string;
  now?: Date;
}): Promise<{ ok: true; release: ListRelease } | { ok: false; reason: 'notFound' }> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const meeting = await loadInvitationMeeting(tx, meetingId);
    if (!meeting) return { ok: false, reason: 'notFound' } as const;
    const { basis, entries, models } = await buildListModels(tx, meeting, { now, mark: 'final' });
    const [release] = await tx
      .insert(participantListReleases)
      .values({
        meetingId,
        basis,
        entries,
        modelEn: models.en,
        modelRu: models.ru,
        releasedAt: now,
        releasedBy: actor.id,
      })
      .returning({
        id: participantListReleases.id,
        releasedAt: participantListReleases.releasedAt,
        basis: participantListReleases.basis,
        entries: participantListReleases.entries,
      });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'participantList.release',
      entityType: 'meeting',
      entityId: meetingId,
      after: { basis, entries },
    });
    return { ok: true, release: release! } as const;
  });
}

const releaseColumns = {
  id: participantListReleases.id,
  releasedAt: participantListReleases.releasedAt,
  basis: participantListReleases.basis,
  entries: participantListReleases.entries,
};

/**
 * The version of the list delegates see now (the newest release), or null before the first. Its files are written
 * from the stored models by `releasedParticipantListFile`, in either language; delegates download them through
 * `/i/<their token>/participants/<language>/<format>`.
 */
export async function currentReleasedParticipantList(meetingId: string): Promise<
  | (ListRelease & {
      files: Record<ListLanguage, Record<ListFormat, () => Promise<Buffer>>>;
    })
  | null
> {
  const db = await getDb();
  const [release] = await db
    .select(releaseColumns)
    .from(participantListReleases)
    .where(eq(participantListReleases.meetingId, meetingId))
    .orderBy(desc(participantListReleases.releasedAt))
    .limit(1);
  if (!release) return null;
  const file = (language: ListLanguage, format: ListFormat) => async () =>
    (await releasedParticipantListFile(meetingId, language, format))!.file;
  return {
    ...release,
    files: {
      en: { pdf: file('en', 'pdf'), docx: file('en', 'docx') },
      ru: { pdf: file('ru', 'pdf'), docx: file('ru', 'docx') },
    },
  };
}

/** The current release's file in one language and format, written again from its stored model. */
export async function releasedParticipantListFile(
  meetingId: string,
  language: ListLanguage,
  format: ListFormat,
): Promise<{ file: Buffer; releasedAt: Date } | null> {
  const db = await getDb();
  const [release] = await db
    .select({
      releasedAt: participantListReleases.releasedAt,
      model: language === 'ru' ? participantListReleases.modelRu : participantListReleases.modelEn,
    })
    .from(participantListReleases)
    .where(eq(participantListReleases.meetingId, meetingId))
    .orderBy(desc(participantListReleases.releasedAt))
    .limit(1);
  if (!release) return null;
  const rendered = await renderDocument(release.model);
  return { file: rendered[format], releasedAt: release.releasedAt };
}

/** The releases staff see on the list's page, newest first. */
export async function listParticipantListReleases({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<ListRelease[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select(releaseColumns)
    .from(participantListReleases)
    .where(eq(participantListReleases.meetingId, meetingId))
    .orderBy(desc(participantListReleases.releasedAt));
}

/**
 * The meeting whose released list the holder of an invitation link may download: the link must be the invitation's
 * current one, not revoked, and its holder registered (or, after the meeting, checked in).
 */
export async function meetingForListDownload(token: string): Promise<string | null> {
  const parts = readInvitationToken(authSecret(), token);
  if (!parts) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      meetingId: invitations.meetingId,
      linkVersion: invitations.linkVersion,
      status: invitations.status,
      registration: registrations.status,
      attended: sql<boolean>`${attended}`,
    })
    .from(invitations)
    .innerJoin(registrations, eq(registrations.invitationId, invitations.id))
    .where(eq(invitations.id, parts.invitationId));
  if (!row || row.linkVersion !== parts.version || row.status === 'revoked') return null;
  return row.registration === 'registered' || row.attended ? row.meetingId : null;
}

export const listFileName = (language: ListLanguage, format: ListFormat, releasedAt: Date) =>
  `${language === 'ru' ? 'spisok-uchastnikov' : 'list-of-participants'}-${releasedAt.toISOString().slice(0, 10)}.${format}`;

/** What the list's page says before anyone downloads it: the meeting, whom the list counts now, and how many. */
export async function participantListOverview({
  actor,
  meetingId,
  now = new Date(),
}: {
  actor: StaffUser;
  meetingId: string;
  now?: Date;
}): Promise<{ meeting: LoadedMeeting; basis: ListBasis; entries: number; withheld: number } | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const meeting = await loadInvitationMeeting(db, meetingId);
  if (!meeting) return null;
  const basis = await listBasis(db, meeting, now);
  const [counts] = await db
    .select({
      listed: sql<number>`count(*) filter (where ${registrations.listConsent} and ${registrations.erasedAt} is null)::int`,
      all: sql<number>`count(*)::int`,
    })
    .from(registrations)
    .where(
      and(
        eq(registrations.meetingId, meetingId),
        basis === 'attended' ? attended : eq(registrations.status, 'registered'),
      ),
    );
  return { meeting, basis, entries: counts?.listed ?? 0, withheld: (counts?.all ?? 0) - (counts?.listed ?? 0) };
}
