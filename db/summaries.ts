import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { assertRole, roleAtLeast, type StaffUser } from '@/lib/auth/roles';
import type { OrganisationType } from '@/lib/domain';
import { draftSummary, type FactOrganisation, type SummaryFacts } from '@/lib/summary/draft';
import { actorOf, recordAudit } from './audit';
import { getDb, type DbExecutor } from './client';
import {
  agendaItemPeople,
  agendaItems,
  contacts,
  councils,
  invitations,
  meetingOrganisations,
  meetings,
  organisations,
  registrations,
  summaries,
  summaryPhotos,
  summaryVersions,
  users,
  type Summary,
  type SummaryPhoto,
  type SummaryText,
} from './schema';

export const SUMMARY_TEXT_FIELDS = [
  'slug',
  'headlineEn',
  'headlineRu',
  'leadEn',
  'leadRu',
  'bodyEn',
  'bodyRu',
] as const;
const textOf = (row: SummaryText): SummaryText =>
  Object.fromEntries(SUMMARY_TEXT_FIELDS.map((field) => [field, row[field]])) as SummaryText;

// ── Drafting from the meeting's records ─────────────────────────────────────────────────────────────────────────

async function loadSummaryFacts(executor: DbExecutor, meetingId: string): Promise<SummaryFacts | null> {
  const [meeting] = await executor
    .select({
      titleEn: meetings.titleEn,
      titleRu: meetings.titleRu,
      startsAt: meetings.startsAt,
      timeZone: meetings.timeZone,
      cityEn: meetings.cityEn,
      cityRu: meetings.cityRu,
      agendaPublished: meetings.agendaPublished,
      council: {
        nameEn: councils.nameEn,
        nameRu: councils.nameRu,
        mandateEn: councils.mandateEn,
        mandateRu: councils.mandateRu,
      },
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(eq(meetings.id, meetingId));
  if (!meeting) return null;

  const registered = and(eq(registrations.meetingId, meetingId), eq(registrations.status, 'registered'));
  const organisationColumns = {
    id: organisations.id,
    nameEn: organisations.nameEn,
    nameRu: organisations.nameRu,
    acronym: organisations.acronym,
    type: organisations.type,
  };
  const [linked, participantCountries, participantOrganisations, [participantTotal]] = await Promise.all([
    executor
      .select({ ...organisationColumns, role: meetingOrganisations.role })
      .from(meetingOrganisations)
      .innerJoin(organisations, eq(organisations.id, meetingOrganisations.organisationId))
      .where(eq(meetingOrganisations.meetingId, meetingId))
      .orderBy(asc(meetingOrganisations.position)),
    executor
      .select({ country: registrations.country })
      .from(registrations)
      .where(registered)
      .groupBy(registrations.country)
      .orderBy(desc(count()), asc(registrations.country)),
    executor
      .select({ ...organisationColumns, n: count() })
      .from(registrations)
      .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
      .innerJoin(contacts, eq(contacts.id, invitations.contactId))
      .innerJoin(organisations, eq(organisations.id, contacts.organisationId))
      .where(registered)
      .groupBy(organisations.id)
      .orderBy(desc(count()), asc(organisations.nameEn)),
    executor.select({ participants: count() }).from(registrations).where(registered),
  ]);

  const agenda = meeting.agendaPublished
    ? await executor
        .select()
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))
        .orderBy(asc(agendaItems.position), asc(agendaItems.startsAt))
    : [];
  // Only people the published agenda names as speakers or moderators: never a participant.
  const speakers = agenda.length
    ? await executor
        .select({ agendaItemId: agendaItemPeople.agendaItemId, name: contacts.name })
        .from(agendaItemPeople)
        .innerJoin(contacts, eq(contacts.id, agendaItemPeople.contactId))
        .where(
          and(
            inArray(
              agendaItemPeople.agendaItemId,
              agenda.map((item) => item.id),
            ),
            inArray(agendaItemPeople.role, ['speaker', 'moderator']),
          ),
        )
        .orderBy(asc(contacts.name))
    : [];

  const typeTotals = new Map<OrganisationType, number>();
  for (const row of participantOrganisations) typeTotals.set(row.type, (typeTotals.get(row.type) ?? 0) + row.n);
  const fact = (o: { nameEn: string; nameRu: string | null; acronym: string | null }): FactOrganisation => ({
    nameEn: o.nameEn,
    nameRu: o.nameRu,
    acronym: o.acronym,
  });
  // The meeting's own organisations first (in their order), then the participants' ones (most participants first).
  const present = new Map<string, (typeof linked)[number] | (typeof participantOrganisations)[number]>();
  // The organiser is named as such, not again among those present.
  const organiserIds = new Set(linked.filter((o) => o.role === 'organiser').map((o) => o.id));
  for (const o of [...linked, ...participantOrganisations])
    if (!organiserIds.has(o.id) && !present.has(o.id)) present.set(o.id, o);
  const presentOfType = (type: OrganisationType) => [...present.values()].filter((o) => o.type === type).map(fact);

  return {
    meeting,
    council: meeting.council,
    organisers: linked.filter((o) => o.role === 'organiser').map(fact),
    coOrganisers: linked.filter((o) => o.role === 'co_organiser').map(fact),
    participantCount: participantTotal?.participants ?? 0,
    countries: participantCountries.map((row) => row.country),
    organisationTypes: [...typeTotals].sort((a, b) => b[1] - a[1]).map(([type]) => type),
    unEntities: presentOfType('un_entity'),
    regionalOrganisations: presentOfType('regional_organisation'),
    agenda: agenda.map((item) => ({
      kind: item.kind,
      titleEn: item.titleEn,
      titleRu: item.titleRu,
      descriptionEn: item.descriptionEn,
      descriptionRu: item.descriptionRu,
      speakers: speakers.filter((s) => s.agendaItemId === item.id).map((s) => s.name),
    })),
  };
}

/** A slug not yet taken: the wanted one, or it with -2, -3 … */
async function freeSlug(executor: DbExecutor, wanted: string): Promise<string> {
  const taken = new Set(
    (
      await executor
        .select({ slug: summaries.slug })
        .from(summaries)
        .where(sql`${summaries.slug} = ${wanted} or ${summaries.slug} like ${`${wanted}-%`}`)
    ).map((r) => r.slug),
  );
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

export type DraftResult =
  { ok: true; summaryId: string } | { ok: false; reason: 'notFound' | 'notHeld' | 'exists'; summaryId?: string };

/** The first text of a held meeting's summary, from its records; version 1. */
export async function draftMeetingSummary(actor: StaffUser, meetingId: string): Promise<DraftResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ status: meetings.status })
      .from(meetings)
      .where(eq(meetings.id, meetingId))
      .for('update');
    if (!meeting) return { ok: false, reason: 'notFound' };
    const [existing] = await tx.select({ id: summaries.id }).from(summaries).where(eq(summaries.meetingId, meetingId));
    if (existing) return { ok: false, reason: 'exists', summaryId: existing.id };
    if (meeting.status !== 'held') return { ok: false, reason: 'notHeld' };
    const facts = await loadSummaryFacts(tx, meetingId);
    if (!facts) return { ok: false, reason: 'notFound' };
    const draft = draftSummary(facts);
    const text = { ...draft, slug: await freeSlug(tx, draft.slug) };
    const [summary] = await tx
      .insert(summaries)
      .values({ meetingId, ...text })
      .returning({ id: summaries.id });
    await tx.insert(summaryVersions).values({
      summaryId: summary!.id,
      number: 1,
      text,
      savedById: actor.id,
      savedByEmail: actor.email,
      note: 'Drafted from the meeting’s records',
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.drafted',
      entityType: 'meeting',
      entityId: meetingId,
      after: { slug: text.slug },
    });
    return { ok: true, summaryId: summary!.id };
  });
}

// ── Reading (staff) ──────────────────────────────────────────────────────────────────────────────────────────────

export type PhotoInfo = Omit<SummaryPhoto, 'data'>;
const photoInfoColumns = {
  id: summaryPhotos.id,
  summaryId: summaryPhotos.summaryId,
  position: summaryPhotos.position,
  altEn: summaryPhotos.altEn,
  altRu: summaryPhotos.altRu,
  credit: summaryPhotos.credit,
  contentType: summaryPhotos.contentType,
  width: summaryPhotos.width,
  height: summaryPhotos.height,
  byteSize: summaryPhotos.byteSize,
  sha256: summaryPhotos.sha256,
  uploadedById: summaryPhotos.uploadedById,
  createdAt: summaryPhotos.createdAt,
};

export type StaffSummary = Summary & {
  meeting: {
    id: string;
    titleEn: string;
    status: string;
    timeZone: string;
    startsAt: Date;
    cityEn: string | null;
    cityRu: string | null;
  };
  photos: PhotoInfo[];
  submittedByEmail: string | null;
  publishedByEmail: string | null;
};

async function loadPhotos(executor: DbExecutor, summaryIds: string[]): Promise<PhotoInfo[]> {
  if (!summaryIds.length) return [];
  return executor
    .select(photoInfoColumns)
    .from(summaryPhotos)
    .where(inArray(summaryPhotos.summaryId, summaryIds))
    .orderBy(asc(summaryPhotos.position), asc(summaryPhotos.createdAt));
}

export async function getSummary({ actor, id }: { actor: StaffUser; id: string }): Promise<StaffSummary | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const submitter = sql<string | null>`(select email from ${users} where ${users.id} = ${summaries.submittedById})`;
  const publisher = sql<string | null>`(select email from ${users} where ${users.id} = ${summaries.publishedById})`;
  const [row] = await db
    .select({
      summary: summaries,
      meeting: {
        id: meetings.id,
        titleEn: meetings.titleEn,
        status: meetings.status,
        timeZone: meetings.timeZone,
        startsAt: meetings.startsAt,
        cityEn: meetings.cityEn,
        cityRu: meetings.cityRu,
      },
      submittedByEmail: submitter,
      publishedByEmail: publisher,
    })
    .from(summaries)
    .innerJoin(meetings, eq(meetings.id, summaries.meetingId))
    .where(eq(summaries.id, id));
  if (!row) return null;
  return {
    ...row.summary,
    meeting: row.meeting,
    photos: await loadPhotos(db, [id]),
    submittedByEmail: row.submittedByEmail,
    publishedByEmail: row.publishedByEmail,
  };
}

export async function getMeetingSummaryId({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<{ id: string; status: Summary['status'] } | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [row] = await db
    .select({ id: summaries.id, status: summaries.status })
    .from(summaries)
    .where(eq(summaries.meetingId, meetingId));
  return row ?? null;
}

export async function listStaffSummaries({ actor }: { actor: StaffUser }) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select({
      id: summaries.id,
      headlineEn: summaries.headlineEn,
      status: summaries.status,
      slug: summaries.slug,
      version: summaries.version,
      updatedAt: summaries.updatedAt,
      publishedAt: summaries.publishedAt,
      meetingTitle: meetings.titleEn,
      meetingStartsAt: meetings.startsAt,
      meetingTimeZone: meetings.timeZone,
    })
    .from(summaries)
    .innerJoin(meetings, eq(meetings.id, summaries.meetingId))
    .orderBy(desc(meetings.startsAt));
}

export async function listVersions({ actor, summaryId }: { actor: StaffUser; summaryId: string }) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select({
      number: summaryVersions.number,
      savedByEmail: summaryVersions.savedByEmail,
      note: summaryVersions.note,
      savedAt: summaryVersions.savedAt,
    })
    .from(summaryVersions)
    .where(eq(summaryVersions.summaryId, summaryId))
    .orderBy(desc(summaryVersions.number));
}

export async function getVersionTexts({
  actor,
  summaryId,
  numbers,
}: {
  actor: StaffUser;
  summaryId: string;
  numbers: number[];
}) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select()
    .from(summaryVersions)
    .where(and(eq(summaryVersions.summaryId, summaryId), inArray(summaryVersions.number, numbers)));
}

// ── Editing ──────────────────────────────────────────────────────────────────────────────────────────────────────

export type SummaryChangeResult =
  | { ok: true; version?: number; unchanged?: boolean }
  | {
      ok: false;
      reason:
        | 'notFound'
        | 'notDraft'
        | 'conflict'
        | 'slugTaken'
        | 'incomplete'
        | 'ownSubmission'
        | 'notInReview'
        | 'notPublished'
        | 'meetingNotHeld'
        | 'versionNotFound';
      missing?: string[];
    };

async function lockSummary(executor: DbExecutor, id: string): Promise<Summary | undefined> {
  const [summary] = await executor.select().from(summaries).where(eq(summaries.id, id)).for('update');
  return summary;
}

async function writeVersion(
  tx: DbExecutor,
  actor: StaffUser,
  summary: Summary,
  text: SummaryText,
  note: string,
): Promise<SummaryChangeResult> {
  const before = textOf(summary);
  if (SUMMARY_TEXT_FIELDS.every((field) => before[field] === text[field]))
    return { ok: true, unchanged: true, version: summary.version };
  if (text.slug !== summary.slug) {
    const [clash] = await tx.select({ id: summaries.id }).from(summaries).where(eq(summaries.slug, text.slug));
    if (clash) return { ok: false, reason: 'slugTaken' };
  }
  const version = summary.version + 1;
  await tx
    .update(summaries)
    .set({ ...text, version, updatedAt: new Date() })
    .where(eq(summaries.id, summary.id));
  await tx
    .insert(summaryVersions)
    .values({ summaryId: summary.id, number: version, text, savedById: actor.id, savedByEmail: actor.email, note });
  await recordAudit(tx, {
    actor: actorOf(actor),
    action: 'summary.saved',
    entityType: 'summary',
    entityId: summary.id,
    after: { version, note, changed: SUMMARY_TEXT_FIELDS.filter((field) => before[field] !== text[field]) },
  });
  return { ok: true, version };
}

/**
 * Saves the text as a new version. `baseVersion` is the version the editor started from: if someone saved since,
 * nothing is written and the editor is told (their text stays in the form).
 */
export async function saveSummaryText(
  actor: StaffUser,
  id: string,
  baseVersion: number,
  text: SummaryText,
): Promise<SummaryChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const summary = await lockSummary(tx, id);
    if (!summary) return { ok: false, reason: 'notFound' };
    if (summary.status !== 'draft') return { ok: false, reason: 'notDraft' };
    if (summary.version !== baseVersion) return { ok: false, reason: 'conflict' };
    return writeVersion(tx, actor, summary, text, 'Edited');
  });
}

/** The text of an earlier version becomes the current one, as a new version (nothing is lost). */
export async function restoreSummaryVersion(
  actor: StaffUser,
  id: string,
  number: number,
): Promise<SummaryChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const summary = await lockSummary(tx, id);
    if (!summary) return { ok: false, reason: 'notFound' };
    if (summary.status !== 'draft') return { ok: false, reason: 'notDraft' };
    const [version] = await tx
      .select()
      .from(summaryVersions)
      .where(and(eq(summaryVersions.summaryId, id), eq(summaryVersions.number, number)));
    if (!version) return { ok: false, reason: 'versionNotFound' };
    return writeVersion(tx, actor, summary, version.text, `Restored version ${number}`);
  });
}

/** What a summary still lacks before it can go to review. */
export function missingForReview(summary: SummaryText, photoCount: number): string[] {
  const missing: string[] = SUMMARY_TEXT_FIELDS.filter((field) => !summary[field].trim());
  if (photoCount === 0) missing.push('photo');
  return missing;
}

// ── Workflow: draft → in review → published (four eyes) ─────────────────────────────────────────────────────────

export async function submitSummaryForReview(actor: StaffUser, id: string): Promise<SummaryChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const summary = await lockSummary(tx, id);
    if (!summary) return { ok: false, reason: 'notFound' };
    if (summary.status !== 'draft') return { ok: false, reason: 'notDraft' };
    const [photoTotal] = await tx
      .select({ photos: count() })
      .from(summaryPhotos)
      .where(eq(summaryPhotos.summaryId, id));
    const missing = missingForReview(summary, photoTotal?.photos ?? 0);
    if (missing.length) return { ok: false, reason: 'incomplete', missing };
    await tx
      .update(summaries)
      .set({ status: 'in_review', submittedById: actor.id, submittedAt: new Date(), updatedAt: new Date() })
      .where(eq(summaries.id, id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.submitted',
      entityType: 'summary',
      entityId: id,
      after: { version: summary.version },
    });
    return { ok: true };
  });
}

/** Back to the editors (a reviewer asks for changes, or the submitter wants to change something). */
export async function returnSummaryToDraft(actor: StaffUser, id: string): Promise<SummaryChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const summary = await lockSummary(tx, id);
    if (!summary) return { ok: false, reason: 'notFound' };
    if (summary.status !== 'in_review') return { ok: false, reason: 'notInReview' };
    await tx
      .update(summaries)
      .set({ status: 'draft', submittedById: null, submittedAt: null, updatedAt: new Date() })
      .where(eq(summaries.id, id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.returned_to_draft',
      entityType: 'summary',
      entityId: id,
    });
    return { ok: true };
  });
}

export type PublishResult = SummaryChangeResult & { slug?: string };

/** The summary and its meeting's status, both rows locked: the meeting's first, the order every writer keeps. */
async function lockSummaryAndMeeting(tx: DbExecutor, id: string) {
  const [link] = await tx.select({ meetingId: summaries.meetingId }).from(summaries).where(eq(summaries.id, id));
  if (!link) return null;
  const [meeting] = await tx
    .select({ status: meetings.status })
    .from(meetings)
    .where(eq(meetings.id, link.meetingId))
    .for('update');
  const summary = await lockSummary(tx, id);
  return summary && meeting ? { summary, meeting } : null;
}

/**
 * Publishes a summary in review. Four eyes: whoever submitted it cannot publish it, whatever their role. The
 * meeting moves to "summary published" in the same transaction (meeting row locked first, as everywhere).
 */
export async function publishSummary(actor: StaffUser, id: string): Promise<PublishResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockSummaryAndMeeting(tx, id);
    if (!locked) return { ok: false, reason: 'notFound' };
    const { summary, meeting } = locked;
    if (summary.status !== 'in_review') return { ok: false, reason: 'notInReview' };
    if (summary.submittedById === actor.id) return { ok: false, reason: 'ownSubmission' };
    if (meeting.status !== 'held') return { ok: false, reason: 'meetingNotHeld' };
    const now = new Date();
    await tx
      .update(summaries)
      .set({
        status: 'published',
        publishedById: actor.id,
        publishedAt: now,
        firstPublishedAt: summary.firstPublishedAt ?? now,
        updatedAt: now,
      })
      .where(eq(summaries.id, id));
    await tx
      .update(meetings)
      .set({ status: 'summary_published', updatedAt: now })
      .where(eq(meetings.id, summary.meetingId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.published',
      entityType: 'summary',
      entityId: id,
      after: { version: summary.version, slug: summary.slug },
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.status_changed',
      entityType: 'meeting',
      entityId: summary.meetingId,
      before: { status: 'held' },
      after: { status: 'summary_published' },
    });
    return { ok: true, slug: summary.slug };
  });
}

/** Takes a published summary off the public site (back to draft); the meeting goes back to "held". */
export async function unpublishSummary(actor: StaffUser, id: string): Promise<PublishResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockSummaryAndMeeting(tx, id);
    if (!locked) return { ok: false, reason: 'notFound' };
    const { summary, meeting } = locked;
    if (summary.status !== 'published') return { ok: false, reason: 'notPublished' };
    const now = new Date();
    await tx
      .update(summaries)
      .set({
        status: 'draft',
        submittedById: null,
        submittedAt: null,
        publishedAt: null,
        publishedById: null,
        updatedAt: now,
      })
      .where(eq(summaries.id, id));
    if (meeting.status === 'summary_published') {
      await tx.update(meetings).set({ status: 'held', updatedAt: now }).where(eq(meetings.id, summary.meetingId));
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: 'meeting.status_changed',
        entityType: 'meeting',
        entityId: summary.meetingId,
        before: { status: 'summary_published' },
        after: { status: 'held' },
      });
    }
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.unpublished',
      entityType: 'summary',
      entityId: id,
      after: { slug: summary.slug },
    });
    return { ok: true, slug: summary.slug };
  });
}

// ── Photos ───────────────────────────────────────────────────────────────────────────────────────────────────────

export type PhotoValues = {
  altEn: string;
  altRu: string;
  credit: string;
  image: { data: Buffer; contentType: string; width: number; height: number };
};

export async function addSummaryPhoto(
  actor: StaffUser,
  summaryId: string,
  values: PhotoValues,
): Promise<SummaryChangeResult & { photoId?: string }> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const summary = await lockSummary(tx, summaryId);
    if (!summary) return { ok: false, reason: 'notFound' };
    if (summary.status !== 'draft') return { ok: false, reason: 'notDraft' };
    const [lastPhoto] = await tx
      .select({ last: sql<number>`coalesce(max(${summaryPhotos.position}), -1)::int` })
      .from(summaryPhotos)
      .where(eq(summaryPhotos.summaryId, summaryId));
    const { image } = values;
    const [photo] = await tx
      .insert(summaryPhotos)
      .values({
        summaryId,
        position: (lastPhoto?.last ?? -1) + 1,
        altEn: values.altEn,
        altRu: values.altRu,
        credit: values.credit,
        contentType: image.contentType,
        width: image.width,
        height: image.height,
        byteSize: image.data.length,
        sha256: createHash('sha256').update(image.data).digest('hex'),
        data: image.data,
        uploadedById: actor.id,
      })
      .returning({ id: summaryPhotos.id });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.photo_added',
      entityType: 'summary',
      entityId: summaryId,
      after: { photoId: photo!.id, altEn: values.altEn, credit: values.credit },
    });
    return { ok: true, photoId: photo!.id };
  });
}

export async function removeSummaryPhoto(
  actor: StaffUser,
  summaryId: string,
  photoId: string,
): Promise<SummaryChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const summary = await lockSummary(tx, summaryId);
    if (!summary) return { ok: false, reason: 'notFound' };
    if (summary.status !== 'draft') return { ok: false, reason: 'notDraft' };
    const removed = await tx
      .delete(summaryPhotos)
      .where(and(eq(summaryPhotos.id, photoId), eq(summaryPhotos.summaryId, summaryId)))
      .returning({ altEn: summaryPhotos.altEn });
    if (!removed.length) return { ok: false, reason: 'notFound' };
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.photo_removed',
      entityType: 'summary',
      entityId: summaryId,
      before: { photoId, altEn: removed[0]!.altEn },
    });
    return { ok: true };
  });
}

/**
 * A photo's bytes for the photo route: anyone may have the photos of a published summary; the others only signed-in
 * staff. Null when there is no such photo or the caller may not see it. `currentStaff` is asked only for an
 * unpublished summary's photo, so public photos never cost a session lookup.
 */
export async function readPhotoFile({
  id,
  currentStaff,
}: {
  id: string;
  currentStaff: () => Promise<StaffUser | null>;
}): Promise<{ data: Buffer; contentType: string; sha256: string; public: boolean } | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      data: summaryPhotos.data,
      contentType: summaryPhotos.contentType,
      sha256: summaryPhotos.sha256,
      status: summaries.status,
    })
    .from(summaryPhotos)
    .innerJoin(summaries, eq(summaries.id, summaryPhotos.summaryId))
    .where(eq(summaryPhotos.id, id));
  if (!row) return null;
  if (row.status === 'published')
    return { data: row.data, contentType: row.contentType, sha256: row.sha256, public: true };
  const staff = await currentStaff();
  return staff && roleAtLeast(staff.role, 'viewer')
    ? { data: row.data, contentType: row.contentType, sha256: row.sha256, public: false }
    : null;
}

// ── Public reading: published summaries only (no sign-in) ───────────────────────────────────────────────────────

export type PublishedSummary = SummaryText & {
  id: string;
  publishedAt: Date;
  firstPublishedAt: Date;
  updatedAt: Date;
  meeting: { startsAt: Date; timeZone: string; cityEn: string | null; cityRu: string | null; country: string | null };
  photos: PhotoInfo[];
};

const publishedColumns = {
  id: summaries.id,
  slug: summaries.slug,
  headlineEn: summaries.headlineEn,
  headlineRu: summaries.headlineRu,
  leadEn: summaries.leadEn,
  leadRu: summaries.leadRu,
  bodyEn: summaries.bodyEn,
  bodyRu: summaries.bodyRu,
  publishedAt: sql<Date>`${summaries.publishedAt}`.mapWith(summaries.publishedAt),
  firstPublishedAt: sql<Date>`coalesce(${summaries.firstPublishedAt}, ${summaries.publishedAt})`.mapWith(
    summaries.publishedAt,
  ),
  updatedAt: summaries.updatedAt,
  meeting: {
    startsAt: meetings.startsAt,
    timeZone: meetings.timeZone,
    cityEn: meetings.cityEn,
    cityRu: meetings.cityRu,
    country: meetings.country,
  },
};

export async function getPublishedSummary(slug: string): Promise<PublishedSummary | null> {
  const db = await getDb();
  const [row] = await db
    .select(publishedColumns)
    .from(summaries)
    .innerJoin(meetings, eq(meetings.id, summaries.meetingId))
    .where(and(eq(summaries.slug, slug), eq(summaries.status, 'published')));
  if (!row) return null;
  return { ...row, photos: await loadPhotos(db, [row.id]) };
}

/** Newest first; with the total, for pagination. */
export async function listPublishedSummaries({
  page,
  pageSize,
}: {
  page: number;
  pageSize: number;
}): Promise<{ items: PublishedSummary[]; total: number }> {
  const db = await getDb();
  const published = eq(summaries.status, 'published');
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(publishedColumns)
      .from(summaries)
      .innerJoin(meetings, eq(meetings.id, summaries.meetingId))
      .where(published)
      .orderBy(desc(sql`coalesce(${summaries.firstPublishedAt}, ${summaries.publishedAt})`), desc(summaries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(summaries).where(published),
  ]);
  const photos = await loadPhotos(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => ({ ...row, photos: photos.filter((p) => p.summaryId === row.id) })),
    total: totalRow?.total ?? 0,
  };
}
