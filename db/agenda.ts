import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import type { AgendaItemKind, AgendaPersonRole } from '@/lib/domain';
import { actorOf, recordAudit } from './audit';
import { getDb, type DbExecutor } from './client';
import { agendaItemPeople, agendaItems, contacts, meetings, type AgendaItem } from './schema';

export type AgendaEntry = AgendaItem & { people: { contactId: string; name: string; role: AgendaPersonRole }[] };

async function loadAgenda(executor: DbExecutor, meetingId: string): Promise<AgendaEntry[]> {
  const items = await executor
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.startsAt));
  const people = items.length
    ? await executor
        .select({
          agendaItemId: agendaItemPeople.agendaItemId,
          contactId: contacts.id,
          name: contacts.name,
          role: agendaItemPeople.role,
        })
        .from(agendaItemPeople)
        .innerJoin(contacts, eq(contacts.id, agendaItemPeople.contactId))
        .where(
          inArray(
            agendaItemPeople.agendaItemId,
            items.map((i) => i.id),
          ),
        )
        .orderBy(asc(agendaItemPeople.position), asc(contacts.sortKey))
    : [];
  return items.map((item) => ({
    ...item,
    people: people
      .filter((p) => p.agendaItemId === item.id)
      .map(({ contactId, name, role }) => ({ contactId, name, role })),
  }));
}

export async function listAgenda({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<AgendaEntry[]> {
  assertRole(actor, 'viewer');
  return loadAgenda(await getDb(), meetingId);
}

/**
 * The rows of an item's people: each role in the order given (the order staff chose), numbered from 0 within the
 * role, so a speaking order survives saving and copying.
 */
function peopleRows(agendaItemId: string, people: AgendaValues['people']) {
  const next = new Map<AgendaPersonRole, number>();
  return people.map(({ contactId, role }) => {
    const position = next.get(role) ?? 0;
    next.set(role, position + 1);
    return { agendaItemId, contactId, role, position };
  });
}

export type AgendaValues = {
  kind: AgendaItemKind;
  startsAt: Date;
  endsAt: Date;
  titleEn: string;
  titleRu: string;
  descriptionEn: string;
  descriptionRu: string;
  room: string | null;
  roomRu: string | null;
  people: { contactId: string; role: AgendaPersonRole }[];
};

export type AgendaChangeResult =
  { ok: true; meetingId: string } | { ok: false; reason: 'notFound' | 'contactNotFound' };

async function renumber(executor: DbExecutor, ids: string[]) {
  for (const [position, id] of ids.entries()) {
    await executor.update(agendaItems).set({ position }).where(eq(agendaItems.id, id));
  }
}

export async function addAgendaItem(
  actor: StaffUser,
  meetingId: string,
  values: AgendaValues,
): Promise<AgendaChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.id, meetingId))
      .for('update');
    if (!meeting) return { ok: false, reason: 'notFound' } as const;
    const contactIds = [...new Set(values.people.map((p) => p.contactId))];
    if (contactIds.length) {
      const found = await tx.select({ id: contacts.id }).from(contacts).where(inArray(contacts.id, contactIds));
      if (found.length !== contactIds.length) return { ok: false, reason: 'contactNotFound' } as const;
    }
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))) as [{ n: number }];
    const { people, ...item } = values;
    const [created] = await tx
      .insert(agendaItems)
      .values({ ...item, meetingId, position: n })
      .returning();
    if (people.length) await tx.insert(agendaItemPeople).values(peopleRows(created!.id, people));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.agenda_item_added',
      entityType: 'meeting',
      entityId: meetingId,
      after: {
        title: values.titleEn,
        kind: values.kind,
        startsAt: values.startsAt,
        endsAt: values.endsAt,
        room: values.room,
        people: people.length,
      },
    });
    return { ok: true, meetingId } as const;
  });
}

/** Replaces an item's details and people. */
export async function updateAgendaItem(
  actor: StaffUser,
  itemId: string,
  values: AgendaValues,
): Promise<AgendaChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).for('update');
    if (!before) return { ok: false, reason: 'notFound' } as const;
    const contactIds = [...new Set(values.people.map((p) => p.contactId))];
    if (contactIds.length) {
      const found = await tx.select({ id: contacts.id }).from(contacts).where(inArray(contacts.id, contactIds));
      if (found.length !== contactIds.length) return { ok: false, reason: 'contactNotFound' } as const;
    }
    const { people, ...item } = values;
    await tx
      .update(agendaItems)
      .set({ ...item, updatedAt: sql`now()` })
      .where(eq(agendaItems.id, itemId));
    await tx.delete(agendaItemPeople).where(eq(agendaItemPeople.agendaItemId, itemId));
    if (people.length) await tx.insert(agendaItemPeople).values(peopleRows(itemId, people));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.agenda_item_updated',
      entityType: 'meeting',
      entityId: before.meetingId,
      before: {
        title: before.titleEn,
        kind: before.kind,
        startsAt: before.startsAt,
        endsAt: before.endsAt,
        room: before.room,
      },
      after: {
        title: item.titleEn,
        kind: item.kind,
        startsAt: item.startsAt,
        endsAt: item.endsAt,
        room: item.room,
        people: people.length,
      },
    });
    return { ok: true, meetingId: before.meetingId } as const;
  });
}

/** The venue's zone of the meeting an agenda item belongs to. */
export async function getAgendaItemTimeZone({ actor, id }: { actor: StaffUser; id: string }): Promise<string | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [row] = await db
    .select({ timeZone: meetings.timeZone })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(agendaItems.id, id));
  return row?.timeZone ?? null;
}

async function itemsOfMeetingOf(executor: DbExecutor, itemId: string) {
  const [item] = await executor.select().from(agendaItems).where(eq(agendaItems.id, itemId));
  if (!item) return null;
  const siblings = await executor
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, item.meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.startsAt))
    .for('update');
  return { item, ids: siblings.map((s) => s.id) };
}

export async function moveAgendaItem(
  actor: StaffUser,
  itemId: string,
  direction: 'up' | 'down',
): Promise<AgendaChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await itemsOfMeetingOf(tx, itemId);
    if (!found) return { ok: false, reason: 'notFound' } as const;
    const { item, ids } = found;
    const from = ids.indexOf(itemId);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to >= 0 && to < ids.length) {
      [ids[from], ids[to]] = [ids[to]!, ids[from]!];
      await renumber(tx, ids);
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: 'meeting.agenda_reordered',
        entityType: 'meeting',
        entityId: item.meetingId,
        after: { moved: item.titleEn, direction, position: to + 1 },
      });
    }
    return { ok: true, meetingId: item.meetingId } as const;
  });
}

export async function removeAgendaItem(actor: StaffUser, itemId: string): Promise<AgendaChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await itemsOfMeetingOf(tx, itemId);
    if (!found) return { ok: false, reason: 'notFound' } as const;
    await tx.delete(agendaItems).where(eq(agendaItems.id, itemId));
    await renumber(
      tx,
      found.ids.filter((id) => id !== itemId),
    );
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.agenda_item_removed',
      entityType: 'meeting',
      entityId: found.item.meetingId,
      before: { title: found.item.titleEn, kind: found.item.kind, startsAt: found.item.startsAt },
    });
    return { ok: true, meetingId: found.item.meetingId } as const;
  });
}

export async function setAgendaPublished(
  actor: StaffUser,
  meetingId: string,
  published: boolean,
): Promise<AgendaChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ published: meetings.agendaPublished })
      .from(meetings)
      .where(eq(meetings.id, meetingId))
      .for('update');
    if (!meeting) return { ok: false, reason: 'notFound' } as const;
    await tx
      .update(meetings)
      .set({ agendaPublished: published, updatedAt: sql`now()` })
      .where(eq(meetings.id, meetingId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: published ? 'meeting.agenda_published' : 'meeting.agenda_unpublished',
      entityType: 'meeting',
      entityId: meetingId,
      before: { agendaPublished: meeting.published },
      after: { agendaPublished: published },
    });
    return { ok: true, meetingId } as const;
  });
}

/** Copies a meeting's agenda (with its people) onto another meeting, every time shifted by `shiftMs`. */
export async function copyAgenda(
  executor: DbExecutor,
  fromMeetingId: string,
  toMeetingId: string,
  shiftMs: number,
): Promise<number> {
  const agenda = await loadAgenda(executor, fromMeetingId);
  for (const { id: _id, createdAt: _c, updatedAt: _u, people, ...item } of agenda) {
    void [_id, _c, _u];
    const [copy] = await executor
      .insert(agendaItems)
      .values({
        ...item,
        meetingId: toMeetingId,
        startsAt: new Date(item.startsAt.getTime() + shiftMs),
        endsAt: new Date(item.endsAt.getTime() + shiftMs),
      })
      .returning({ id: agendaItems.id });
    if (people.length) {
      await executor.insert(agendaItemPeople).values(peopleRows(copy!.id, people));
    }
  }
  return agenda.length;
}
