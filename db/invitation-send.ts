import 'server-only';
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { InvitationRole } from '@/lib/domain';
import type { RecipientSelection } from '@/lib/schemas/invitation-selection';
import { recordAudits } from './audit';
import { insertJsonRows } from './bulk-insert';
import { getDb, type DbExecutor } from './client';
import { contactConditions } from './contact-queries';
import {
  ANSWERABLE_STATUSES,
  announcedOf,
  answerUntil,
  composeMessages,
  loadInvitationMeeting,
  queueMessages,
} from './invitation-mail';
import { contacts, councilMembers, invitations, meetings, workingGroupMembers, type Meeting } from './schema';

// Sending invitations, without role checks: db/invitations.ts checks the role and calls this (so does the bench).

function selectionCondition(selection: RecipientSelection): SQL | undefined {
  switch (selection.by) {
    case 'contacts':
      return selection.contactId.length ? inArray(contacts.id, selection.contactId) : sql`false`;
    case 'roster':
      // Members whose term covers today; with a working group, only its members.
      return sql`exists (select 1 from ${councilMembers} m
        where m.contact_id = ${contacts.id} and m.council_id = ${selection.councilId}
          and m.term_from <= current_date and (m.term_to is null or m.term_to >= current_date)
          ${selection.workingGroupId ? sql`and exists (select 1 from ${workingGroupMembers} w where w.member_id = m.id and w.working_group_id = ${selection.workingGroupId})` : sql``})`;
    case 'organisation':
      return eq(contacts.organisationId, selection.organisationId);
    case 'filter':
      if (!selection.country && !selection.organisationType && !selection.tag) return sql`false`;
      return contactConditions({
        country: selection.country,
        organisationType: selection.organisationType,
        tag: selection.tag,
      });
  }
}

export async function newRecipients(executor: DbExecutor, meetingId: string, selection: RecipientSelection) {
  const invited = sql`exists (select 1 from ${invitations} i where i.meeting_id = ${meetingId} and i.contact_id = ${contacts.id})`;
  const rows = await executor
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      language: contacts.language,
      invited: sql<boolean>`${invited}`,
    })
    .from(contacts)
    .where(selectionCondition(selection))
    .orderBy(asc(contacts.sortKey), asc(contacts.id));
  return { all: rows, fresh: rows.filter((r) => !r.invited) };
}

export type InviteResult =
  | { ok: true; invited: number; alreadyInvited: number }
  | { ok: false; reason: 'notFound' | 'notInvitable' | 'countChanged' | 'nobody'; count?: number };

/**
 * Invites the contacts the selection names (those already invited are left as they are) and queues their emails,
 * in one transaction. `confirmedCount` is the number staff confirmed: if the directory changed since the preview
 * and the number differs, nothing is sent and staff are asked again.
 */
export async function sendInvitations(
  actorRef: { id: string | null; email: string | null },
  meetingId: string,
  { selection, role, confirmedCount }: { selection: RecipientSelection; role: InvitationRole; confirmedCount: number },
): Promise<InviteResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const meeting = await loadInvitationMeeting(tx, meetingId, true);
    if (!meeting) return { ok: false, reason: 'notFound' } as const;
    // An invitation nobody could answer any more would be a dead link from the first day.
    if (!ANSWERABLE_STATUSES.includes(meeting.status) || answerUntil(meeting) <= new Date())
      return { ok: false, reason: 'notInvitable' } as const;
    const { all, fresh } = await newRecipients(tx, meetingId, selection);
    if (fresh.length !== confirmedCount) return { ok: false, reason: 'countChanged', count: fresh.length } as const;
    if (!fresh.length) return { ok: false, reason: 'nobody' } as const;
    const inserted = await insertJsonRows<{ id: string; contact_id: string }>(
      tx,
      invitations,
      fresh.map((c) => ({
        id: crypto.randomUUID(),
        meeting_id: meetingId,
        contact_id: c.id,
        role,
        email: c.email,
        language: c.language,
        last_sent_at: new Date().toISOString(),
      })),
      // Someone else's send may have invited one of them meanwhile: that invitation stands, and gets no second email.
      { onConflictDoNothing: true, returning: ['id', 'contact_id'] },
    );
    const byContact = new Map(fresh.map((c) => [c.id, c]));
    const created = inserted.map((row) => {
      const c = byContact.get(row.contact_id)!;
      return {
        id: row.id,
        contactId: c.id,
        email: c.email,
        language: c.language,
        role,
        linkVersion: 1,
        calendarRevision: 0,
      };
    });
    const names = new Map(fresh.map((c) => [c.id, c.name]));
    await queueMessages(
      tx,
      composeMessages(
        meeting,
        'invitation',
        created.map((inv) => ({ ...inv, name: names.get(inv.contactId)! })),
      ),
      { markInvitations: false },
    );
    await tx
      .update(meetings)
      .set({
        announced: meeting.announced ?? announcedOf(meeting),
        status: meeting.status === 'planned' ? ('invitations_open' as const) : (meeting.status as Meeting['status']),
        updatedAt: sql`now()`,
      })
      .where(eq(meetings.id, meetingId));
    await recordAudits(
      tx,
      created.map((inv) => ({
        actor: actorRef,
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: inv.id,
        after: { meetingId, contactId: inv.contactId, role, email: inv.email, language: inv.language },
      })),
    );
    return { ok: true, invited: created.length, alreadyInvited: all.length - fresh.length } as const;
  });
}
