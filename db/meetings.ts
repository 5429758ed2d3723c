import 'server-only';
import { and, asc, desc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import type { MeetingStatus } from '@/lib/domain';
import type { HistoryEntry } from '@/lib/meeting-history';
import { checkTransition } from '@/lib/meeting-workflow';
import type { MeetingValues } from '@/lib/schemas/meeting';
import { copyAgenda } from './agenda';
import { actorOf, recordAudit } from './audit';
import { getDb, type DbExecutor } from './client';
import { followTitle, newMeetingSlug } from './meeting-slugs';
import { auditLog, councils, meetingOrganisations, meetings, organisations, users, workingGroups } from './schema';
import type { Council, Meeting, Organisation, OrganisationRole } from './schema';

export type MeetingListItem = Pick<
  Meeting,
  | 'id'
  | 'kind'
  | 'titleEn'
  | 'titleRu'
  | 'startsAt'
  | 'endsAt'
  | 'timeZone'
  | 'format'
  | 'cityEn'
  | 'cityRu'
  | 'country'
  | 'status'
  | 'slug'
>;

const meetingListColumns = {
  id: meetings.id,
  kind: meetings.kind,
  titleEn: meetings.titleEn,
  titleRu: meetings.titleRu,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  timeZone: meetings.timeZone,
  format: meetings.format,
  cityEn: meetings.cityEn,
  cityRu: meetings.cityRu,
  country: meetings.country,
  status: meetings.status,
  slug: meetings.slug,
};

/**
 * Meetings split at `now`: upcoming (not yet ended, soonest first; a meeting in progress counts as upcoming) and
 * past (most recent first). Drafts are left out when `publicOnly`: they are the secretariat's working copies.
 */
async function listMeetingsByTime({
  now = new Date(),
  councilId,
  publicOnly = false,
}: {
  now?: Date;
  councilId?: string;
  publicOnly?: boolean;
} = {}): Promise<{ upcoming: MeetingListItem[]; past: MeetingListItem[] }> {
  const db = await getDb();
  const byCouncil = and(
    councilId ? eq(meetings.councilId, councilId) : undefined,
    publicOnly ? ne(meetings.status, 'draft') : undefined,
  );
  const [upcoming, past] = await Promise.all([
    db
      .select(meetingListColumns)
      .from(meetings)
      .where(and(byCouncil, gte(meetings.endsAt, now)))
      .orderBy(asc(meetings.startsAt)),
    db
      .select(meetingListColumns)
      .from(meetings)
      .where(and(byCouncil, lt(meetings.endsAt, now)))
      .orderBy(desc(meetings.startsAt)),
  ]);
  return { upcoming, past };
}

/** What the public may see: every meeting but drafts. */
export function listPublicMeetings(options: { now?: Date; councilId?: string } = {}) {
  return listMeetingsByTime({ ...options, publicOnly: true });
}

export async function listStaffMeetings({ actor, ...options }: { actor: StaffUser; now?: Date; councilId?: string }) {
  assertRole(actor, 'viewer');
  return listMeetingsByTime(options);
}

export type MeetingOrganisation = Pick<Organisation, 'id' | 'nameEn' | 'nameRu' | 'acronym' | 'type' | 'country'> & {
  role: OrganisationRole;
};

export type MeetingDetail = Meeting & {
  council: Pick<Council, 'id' | 'nameEn' | 'nameRu'>;
  workingGroup: string | null;
  organisations: MeetingOrganisation[];
};

export async function getMeeting({ actor, id }: { actor: StaffUser; id: string }): Promise<MeetingDetail | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [row] = await db
    .select({
      meeting: meetings,
      council: { id: councils.id, nameEn: councils.nameEn, nameRu: councils.nameRu },
      workingGroup: workingGroups.nameEn,
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .leftJoin(workingGroups, eq(workingGroups.id, meetings.workingGroupId))
    .where(eq(meetings.id, id));
  if (!row) return null;
  const linked = await db
    .select({
      id: organisations.id,
      nameEn: organisations.nameEn,
      nameRu: organisations.nameRu,
      acronym: organisations.acronym,
      type: organisations.type,
      country: organisations.country,
      role: meetingOrganisations.role,
    })
    .from(meetingOrganisations)
    .innerJoin(organisations, eq(organisations.id, meetingOrganisations.organisationId))
    .where(eq(meetingOrganisations.meetingId, id))
    .orderBy(asc(meetingOrganisations.position), asc(organisations.nameEn));
  return { ...row.meeting, council: row.council, workingGroup: row.workingGroup, organisations: linked };
}

// ── Planning (editors) ───────────────────────────────────────────────────────────────────────────────────────────

export type MeetingChangeResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'notFound' | 'councilNotFound' | 'workingGroupNotFound' | 'notAllowed'; message?: string };

async function councilExists(executor: DbExecutor, id: string) {
  return (await executor.select({ id: councils.id }).from(councils).where(eq(councils.id, id))).length === 1;
}

/** A meeting's working group, if it has one, must be one of its council's. */
async function workingGroupFits(executor: DbExecutor, values: MeetingValues) {
  if (!values.workingGroupId) return true;
  const found = await executor
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(and(eq(workingGroups.id, values.workingGroupId), eq(workingGroups.councilId, values.councilId)));
  return found.length === 1;
}

export async function createMeeting(actor: StaffUser, values: MeetingValues): Promise<MeetingChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await councilExists(tx, values.councilId))) return { ok: false, reason: 'councilNotFound' } as const;
    if (!(await workingGroupFits(tx, values))) return { ok: false, reason: 'workingGroupNotFound' } as const;
    const [created] = await tx
      .insert(meetings)
      .values({ ...values, status: 'draft', slug: await newMeetingSlug(tx, values) })
      .returning();
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.created',
      entityType: 'meeting',
      entityId: created!.id,
      after: created,
    });
    return { ok: true, id: created!.id } as const;
  });
}

export async function updateMeeting(actor: StaffUser, id: string, values: MeetingValues): Promise<MeetingChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update');
    if (!before) return { ok: false, reason: 'notFound' } as const;
    if (!(await councilExists(tx, values.councilId))) return { ok: false, reason: 'councilNotFound' } as const;
    if (!(await workingGroupFits(tx, values))) return { ok: false, reason: 'workingGroupNotFound' } as const;
    const [after] = await tx
      .update(meetings)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(meetings.id, id))
      .returning();
    await followTitle(tx, after!);
    const comparable = (value: unknown) => (value instanceof Date ? value.getTime() : value);
    const changed = (Object.keys(values) as (keyof MeetingValues)[]).filter(
      (key) => comparable(before[key]) !== comparable(after![key]),
    );
    if (changed.length) {
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: 'meeting.updated',
        entityType: 'meeting',
        entityId: id,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after![k]])),
      });
    }
    return { ok: true, id } as const;
  });
}

export async function changeMeetingStatus(
  actor: StaffUser,
  id: string,
  to: MeetingStatus,
  now: Date = new Date(),
): Promise<MeetingChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update');
    if (!meeting) return { ok: false, reason: 'notFound' } as const;
    const check = checkTransition(meeting, to, now);
    if (!check.ok) return { ok: false, reason: 'notAllowed', message: check.reason } as const;
    await tx
      .update(meetings)
      .set({ status: to, updatedAt: sql`now()` })
      .where(eq(meetings.id, id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.status_changed',
      entityType: 'meeting',
      entityId: id,
      before: { status: meeting.status },
      after: { status: to },
    });
    return { ok: true, id } as const;
  });
}

/**
 * A new draft meeting like `id` (same council, kind, venue, texts, organisers and agenda, the agenda unpublished)
 * on new dates, with a new title; the agenda moves with the dates.
 */
export async function duplicateMeeting(
  actor: StaffUser,
  id: string,
  change: { titleEn: string; titleRu: string; startsAt: Date; endsAt: Date },
): Promise<MeetingChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [source] = await tx.select().from(meetings).where(eq(meetings.id, id));
    if (!source) return { ok: false, reason: 'notFound' } as const;
    const shift = change.startsAt.getTime() - source.startsAt.getTime();
    const { id: _id, createdAt: _c, updatedAt: _u, status: _s, ...copy } = source;
    void [_id, _c, _u, _s];
    const [created] = await tx
      .insert(meetings)
      .values({
        ...copy,
        ...change,
        status: 'draft',
        slug: await newMeetingSlug(tx, { ...change, timeZone: source.timeZone }),
        agendaPublished: false,
        // Nobody has been told anything about the copy yet: no invitations, no calendar entries, no reminder sent.
        announced: null,
        calendarSequence: 0,
        autoReminderSentAt: null,
        // The deadline keeps its distance from the start; dropped if that would put it after the new start.
        registrationDeadline:
          source.registrationDeadline && new Date(source.registrationDeadline.getTime() + shift) <= change.startsAt
            ? new Date(source.registrationDeadline.getTime() + shift)
            : null,
      })
      .returning();
    const links = await tx.select().from(meetingOrganisations).where(eq(meetingOrganisations.meetingId, id));
    if (links.length)
      await tx.insert(meetingOrganisations).values(links.map((l) => ({ ...l, meetingId: created!.id })));
    const agendaItemsCopied = await copyAgenda(tx, id, created!.id, shift);
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.duplicated',
      entityType: 'meeting',
      entityId: created!.id,
      before: { duplicatedFrom: id },
      after: {
        titleEn: created!.titleEn,
        startsAt: created!.startsAt,
        endsAt: created!.endsAt,
        organisations: links.length,
        agendaItems: agendaItemsCopied,
      },
    });
    return { ok: true, id: created!.id } as const;
  });
}

// ── Organisers ───────────────────────────────────────────────────────────────────────────────────────────────────

async function renumber(executor: DbExecutor, meetingId: string, orderedIds: string[]) {
  for (const [position, organisationId] of orderedIds.entries()) {
    await executor
      .update(meetingOrganisations)
      .set({ position })
      .where(
        and(eq(meetingOrganisations.meetingId, meetingId), eq(meetingOrganisations.organisationId, organisationId)),
      );
  }
}

async function orderedLinks(executor: DbExecutor, meetingId: string) {
  return executor
    .select()
    .from(meetingOrganisations)
    .where(eq(meetingOrganisations.meetingId, meetingId))
    .orderBy(asc(meetingOrganisations.position), asc(meetingOrganisations.organisationId))
    .for('update');
}

/** Links an organisation to a meeting in a role (or changes its role if it is linked already). */
export async function linkOrganisation(
  actor: StaffUser,
  input: { meetingId: string; organisationId: string; role: OrganisationRole },
): Promise<MeetingChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.id, input.meetingId))
      .for('update');
    if (!meeting) return { ok: false, reason: 'notFound' } as const;
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
    if (!organisation)
      return { ok: false, reason: 'notFound', message: 'That organisation no longer exists.' } as const;
    const links = await orderedLinks(tx, input.meetingId);
    const existing = links.find((l) => l.organisationId === input.organisationId);
    if (existing) {
      await tx
        .update(meetingOrganisations)
        .set({ role: input.role })
        .where(
          and(
            eq(meetingOrganisations.meetingId, input.meetingId),
            eq(meetingOrganisations.organisationId, input.organisationId),
          ),
        );
    } else {
      await tx.insert(meetingOrganisations).values({ ...input, position: links.length });
    }
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: existing ? 'meeting.organisation_role_changed' : 'meeting.organisation_linked',
      entityType: 'meeting',
      entityId: input.meetingId,
      before: existing ? { organisation: organisation.acronym ?? organisation.nameEn, role: existing.role } : undefined,
      after: { organisation: organisation.acronym ?? organisation.nameEn, role: input.role },
    });
    return { ok: true, id: input.meetingId } as const;
  });
}

export async function moveOrganisation(
  actor: StaffUser,
  input: { meetingId: string; organisationId: string; direction: 'up' | 'down' },
): Promise<MeetingChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ids = (await orderedLinks(tx, input.meetingId)).map((l) => l.organisationId);
    const from = ids.indexOf(input.organisationId);
    if (from === -1) return { ok: false, reason: 'notFound' } as const;
    const to = input.direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return { ok: true, id: input.meetingId } as const;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    await renumber(tx, input.meetingId, ids);
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.organisations_reordered',
      entityType: 'meeting',
      entityId: input.meetingId,
      after: { moved: input.organisationId, direction: input.direction, position: to + 1 },
    });
    return { ok: true, id: input.meetingId } as const;
  });
}

export async function unlinkOrganisation(
  actor: StaffUser,
  input: { meetingId: string; organisationId: string },
): Promise<MeetingChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const links = await orderedLinks(tx, input.meetingId);
    const link = links.find((l) => l.organisationId === input.organisationId);
    if (!link) return { ok: false, reason: 'notFound' } as const;
    await tx
      .delete(meetingOrganisations)
      .where(
        and(
          eq(meetingOrganisations.meetingId, input.meetingId),
          eq(meetingOrganisations.organisationId, input.organisationId),
        ),
      );
    await renumber(
      tx,
      input.meetingId,
      links.filter((l) => l !== link).map((l) => l.organisationId),
    );
    const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.organisation_unlinked',
      entityType: 'meeting',
      entityId: input.meetingId,
      before: { organisation: organisation?.acronym ?? organisation?.nameEn, role: link.role },
    });
    return { ok: true, id: input.meetingId } as const;
  });
}

// ── Reading, for the planning pages ─────────────────────────────────────────────────────────────────────────────

export async function listCouncilChoices({ actor }: { actor: StaffUser }): Promise<Pick<Council, 'id' | 'nameEn'>[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db.select({ id: councils.id, nameEn: councils.nameEn }).from(councils).orderBy(asc(councils.nameEn));
}

export async function listWorkingGroupChoices({
  actor,
}: {
  actor: StaffUser;
}): Promise<{ id: string; label: string }[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const rows = await db
    .select({ id: workingGroups.id, group: workingGroups.nameEn, council: councils.nameEn })
    .from(workingGroups)
    .innerJoin(councils, eq(councils.id, workingGroups.councilId))
    .orderBy(asc(councils.nameEn), asc(workingGroups.nameEn));
  return rows.map((r) => ({ id: r.id, label: `${r.group} (${r.council})` }));
}

/**
 * The meeting's audit entries, newest first, with names in place of ids, in one query: the staff member's display
 * name (else the address they had), the organisation a reorder moved, the meeting a copy came from. lib/meeting-history
 * turns them into sentences.
 */
export async function listMeetingHistory({
  actor,
  id,
  limit = 200,
}: {
  actor: StaffUser;
  id: string;
  limit?: number;
}): Promise<HistoryEntry[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const source = alias(meetings, 'source');
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actor: sql<string | null>`coalesce(nullif(${users.name}, ''), ${auditLog.actorEmail})`,
      before: auditLog.before,
      after: auditLog.after,
      subject: sql<string | null>`coalesce(${organisations.acronym}, ${organisations.nameEn}, ${source.titleEn})`,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(
      organisations,
      and(
        eq(auditLog.action, 'meeting.organisations_reordered'),
        sql`${organisations.id}::text = ${auditLog.after}->>'moved'`,
      ),
    )
    .leftJoin(
      source,
      and(eq(auditLog.action, 'meeting.duplicated'), sql`${source.id}::text = ${auditLog.before}->>'duplicatedFrom'`),
    )
    .where(and(eq(auditLog.entityType, 'meeting'), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** The venue's zone of a meeting, for turning wall-clock times entered on its pages into instants. */
export async function getMeetingTimeZone({ actor, id }: { actor: StaffUser; id: string }): Promise<string | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [row] = await db.select({ timeZone: meetings.timeZone }).from(meetings).where(eq(meetings.id, id));
  return row?.timeZone ?? null;
}
