import 'server-only';
import { parseCourtesyTitle, parseGrammaticalGender } from '@/lib/courtesy';
import { and, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { authSecret } from '@/lib/auth/secret';
import type { ContactLanguage, OutboxStatus } from '@/lib/domain';
import { appBaseUrl, env, mailDomain } from '@/lib/env';
import { localePath } from '@/lib/i18n/routing';
import { invitationToken } from '@/lib/invitation-token';
import type { NamedOrganisation } from '@/lib/organisation-label';
import { registrationEmail } from '@/lib/mail/registration-email';
import {
  describeMeetingChanges,
  invitationEmail,
  invitationTranslator,
  type InvitationEmailKind,
  type InvitationMeeting,
} from '@/lib/mail/invitation-email';
import { recordAudit } from './audit';
import { insertJsonRows } from './bulk-insert';
import { getDb, type DbExecutor } from './client';
import {
  contacts,
  councils,
  invitations,
  meetings,
  organisations,
  outboxMessages,
  registrations,
  type AnnouncedMeeting,
  type Invitation,
  type Meeting,
  type OutboxMessage,
} from './schema';

// The emails of invitations, composed and queued; no role checks here (db/invitations.ts has them), so the outbox
// worker can send the automatic reminders without a signed-in user.

// ── The meeting as the emails tell it ────────────────────────────────────────────────────────────────────────────

/**
 * The name a person now goes by, to greet them with: the display name of their latest registration (where they may
 * have corrected the directory's spelling, «Омаров» → «Омарова»), else the directory's. Latest by creation, so a
 * later change made by the system (a purge, a lapsed offer) does not bring back an older name; erased ones never
 * count. For a query over `contacts`.
 */
export const currentNameOfContact = sql<string>`coalesce((
  select r.display_name from registrations r join invitations i on i.id = r.invitation_id
  where i.contact_id = ${contacts.id} and r.erased_at is null
  order by r.created_at desc, r.updated_at desc limit 1), ${contacts.name})`;

export type LoadedMeeting = Meeting & {
  councilNameEn: string;
  councilNameRu: string;
  secretariat: NamedOrganisation | null;
};

/** The council's secretariat organisation's names, for a meeting query joined to `councils`: signs the emails. */
export const secretariatColumns = {
  nameEn: organisations.nameEn,
  nameRu: organisations.nameRu,
  acronym: organisations.acronym,
  acronymRu: organisations.acronymRu,
};

export async function loadInvitationMeeting(
  executor: DbExecutor,
  meetingId: string,
  lock = false,
): Promise<LoadedMeeting | null> {
  const query = executor
    .select({
      meeting: meetings,
      councilNameEn: councils.nameEn,
      councilNameRu: councils.nameRu,
      secretariat: secretariatColumns,
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .leftJoin(organisations, eq(organisations.id, councils.secretariatOrganisationId))
    .where(eq(meetings.id, meetingId));
  const [row] = lock ? await query.for('update', { of: meetings }) : await query;
  if (!row) return null;
  return {
    ...row.meeting,
    councilNameEn: row.councilNameEn,
    councilNameRu: row.councilNameRu,
    secretariat: row.secretariat,
  };
}

export const announcedOf = (m: InvitationMeeting): AnnouncedMeeting => ({
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  format: m.format,
  venueEn: m.venueEn,
  venueRu: m.venueRu,
  cityEn: m.cityEn,
  cityRu: m.cityRu,
  country: m.country,
  meetingLink: m.meetingLink,
  registrationDeadline: m.registrationDeadline?.toISOString() ?? null,
  status: m.status,
});

/** The meeting's announced facts that differ from what it says now, in `locale` (empty: nothing to update). */
export function changesSinceAnnounced(
  meeting: InvitationMeeting & { announced: AnnouncedMeeting | null },
  locale: ContactLanguage,
): string[] {
  const a = meeting.announced;
  if (!a) return [];
  return describeMeetingChanges(
    {
      startsAt: new Date(a.startsAt),
      endsAt: new Date(a.endsAt),
      format: a.format as InvitationMeeting['format'],
      venueEn: a.venueEn,
      venueRu: a.venueRu,
      cityEn: a.cityEn,
      cityRu: a.cityRu,
      country: a.country,
      meetingLink: a.meetingLink,
      registrationDeadline: a.registrationDeadline ? new Date(a.registrationDeadline) : null,
      status: a.status ?? meeting.status,
    },
    meeting,
    locale,
  );
}

export function invitationLink(invitation: Pick<Invitation, 'id' | 'linkVersion' | 'language'>): string {
  const token = invitationToken(authSecret(), { invitationId: invitation.id, version: invitation.linkVersion });
  return `${appBaseUrl()}${localePath(invitation.language, `/i/${token}`)}`;
}

type Addressee = Pick<Invitation, 'id' | 'linkVersion' | 'language' | 'email' | 'role'> & {
  name: string;
  calendarRevision?: number;
};

/**
 * The outbox rows of an invitation, reminder or update to each addressee: subject now, bodies when sent
 * (renderQueuedMail), so queueing thousands is a few multi-row inserts of small rows.
 */
export function composeMessages(
  meeting: InvitationMeeting & { announced: AnnouncedMeeting | null },
  kind: InvitationEmailKind,
  addressees: Addressee[],
) {
  const from = env().MAIL_FROM;
  const status: OutboxStatus = env().SMTP_URL ? 'queued' : 'captured';
  const domain = mailDomain();
  const byLanguage = Object.fromEntries(
    (['en', 'ru'] as const).map((locale) => [
      locale,
      {
        subject: invitationTranslator(locale)(`subject.${kind}`, {
          meeting: locale === 'ru' ? meeting.titleRu : meeting.titleEn,
        }),
        changes: kind === 'update' ? changesSinceAnnounced(meeting, locale) : [],
      },
    ]),
  ) as Record<ContactLanguage, { subject: string; changes: string[] }>;
  return addressees.map((a) => {
    const id = crypto.randomUUID();
    const words = byLanguage[a.language];
    return {
      id,
      messageId: `<${id}@${domain}>`,
      kind: `invitation.${kind}`,
      toAddress: a.email,
      toName: a.name,
      fromAddress: from,
      subject: words.subject,
      textBody: '',
      htmlBody: null,
      attachments: [],
      secretLinks: [],
      template: { name: 'invitation' as const, kind, changes: words.changes },
      invitationId: a.id,
      status,
    };
  });
}

export type RenderedMessage = OutboxMessage & { unrenderable?: true };

/**
 * Writes the bodies of templated messages (invitations, reminders, updates, registration emails) from their
 * invitations as they stand: the personal link of the current link version, the meeting's current details, the
 * registration as it is, the calendar file. One query for the batch's invitations, one per meeting. A message whose
 * invitation (or registration) is gone comes back `unrenderable`.
 */
export async function renderQueuedMail(messages: OutboxMessage[], executor?: DbExecutor): Promise<RenderedMessage[]> {
  const templated = messages.filter((m) => m.template && m.invitationId);
  if (!templated.length) return messages;
  const db = executor ?? (await getDb());
  const rows = await db
    .select({
      invitation: invitations,
      name: currentNameOfContact,
      courtesyTitle: contacts.courtesyTitle,
      grammaticalGender: contacts.grammaticalGender,
      registration: registrations,
      // Who declined and proposed this invitee in their place: the invitation says so.
      substituteFor: sql<
        string | null
      >`(select c.name from invitations o join contacts c on c.id = o.contact_id where o.id = ${invitations.substituteForInvitationId})`,
    })
    .from(invitations)
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .leftJoin(registrations, eq(registrations.invitationId, invitations.id))
    .where(
      inArray(
        invitations.id,
        templated.map((m) => m.invitationId!),
      ),
    );
  const byId = new Map(rows.map((r) => [r.invitation.id, r]));
  const meetingsById = new Map<string, LoadedMeeting | null>();
  for (const meetingId of new Set(rows.map((r) => r.invitation.meetingId)))
    meetingsById.set(meetingId, await loadInvitationMeeting(db, meetingId));
  const domain = mailDomain();
  return messages.map((message) => {
    const template = message.template;
    if (!template) return message;
    const row = message.invitationId ? byId.get(message.invitationId) : undefined;
    const meeting = row && meetingsById.get(row.invitation.meetingId);
    if (!row || !meeting) return { ...message, unrenderable: true as const };
    const link = invitationLink(row.invitation);
    const common = {
      meeting,
      locale: row.invitation.language,
      link,
      invitationId: row.invitation.id,
      mailDomain: domain,
    };
    let mail;
    if (template.name === 'invitation') {
      mail = invitationEmail({
        ...common,
        kind: template.kind,
        name: row.name,
        addressee: courtesyOf(row),
        role: row.invitation.role,
        changes: template.changes,
        calendarRevision: row.invitation.calendarRevision,
        registered: row.registration?.status === 'registered',
        substituteFor: row.substituteFor,
      });
    } else {
      if (!row.registration) return { ...message, unrenderable: true as const };
      mail = registrationEmail({
        ...common,
        kind: template.kind,
        name: row.name,
        addressee: courtesyOf(row),
        registration: row.registration,
        sequence: template.sequence,
        place: template.place,
        offerUntil: template.offerUntil ? new Date(template.offerUntil) : undefined,
        registered: row.registration.status === 'registered',
        byStaff: template.byStaff,
        changes: template.changes,
      });
    }
    return {
      ...message,
      toName: row.name,
      textBody: mail.text,
      htmlBody: mail.html,
      attachments: mail.attachments,
      secretLinks: [link],
    };
  });
}

/** A contact's courtesy title and gender as stored (checked by the table), for the greeting. */
function courtesyOf(row: { courtesyTitle: string | null; grammaticalGender: string | null }) {
  const courtesyTitle = parseCourtesyTitle(row.courtesyTitle);
  const grammaticalGender = parseGrammaticalGender(row.grammaticalGender);
  return {
    courtesyTitle: courtesyTitle === 'invalid' ? null : courtesyTitle,
    grammaticalGender: grammaticalGender === 'invalid' ? null : grammaticalGender,
  };
}

/**
 * Queues the messages in one statement, in the caller's transaction, and marks their invitations as sent now (unless
 * the caller already did, as a new invitation's insert does).
 */
export async function queueMessages(
  tx: DbExecutor,
  rows: ReturnType<typeof composeMessages>,
  { markInvitations = true } = {},
) {
  await insertJsonRows(
    tx,
    outboxMessages,
    rows.map((r) => ({
      id: r.id,
      message_id: r.messageId,
      kind: r.kind,
      to_address: r.toAddress,
      to_name: r.toName,
      from_address: r.fromAddress,
      subject: r.subject,
      text_body: r.textBody,
      template: r.template,
      invitation_id: r.invitationId,
      status: r.status,
    })),
  );
  if (markInvitations) {
    for (let i = 0; i < rows.length; i += 5000) {
      await tx
        .update(invitations)
        .set({ lastSentAt: sql`now()` })
        .where(
          inArray(
            invitations.id,
            rows.slice(i, i + 5000).map((r) => r.invitationId),
          ),
        );
    }
  }
}

/**
 * Stops the invitation's emails that have not gone out yet (revoked, re-issued or merged away): they would carry a
 * link that no longer works, or reach someone no longer invited. Their bodies lose the link as a delivered one does.
 */
export async function withdrawQueuedMail(tx: DbExecutor, invitationIds: string[], why: string) {
  if (!invitationIds.length) return;
  await tx
    .update(outboxMessages)
    .set({
      status: 'failed',
      lastError: why,
      textBody: sql`'[withdrawn: ' || ${why} || ']'`,
      htmlBody: null,
      attachments: [],
      template: null,
      lockedUntil: null,
      lockedBy: null,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        inArray(outboxMessages.invitationId, invitationIds),
        inArray(outboxMessages.status, ['queued', 'failed', 'captured']),
      ),
    );
}

/** Meetings whose invitees may still answer: invitations, reminders and answers are for these only. */
export const ANSWERABLE_STATUSES = ['planned', 'invitations_open'];

/** Until when answers are taken: the registration deadline, or the start without one. */
export const answerUntil = (meeting: Pick<InvitationMeeting, 'registrationDeadline' | 'startsAt'>) =>
  meeting.registrationDeadline ?? meeting.startsAt;

/** Invitations of the meeting that have no answer yet (and are not revoked): whom a reminder goes to. */
export const unanswered = (meetingId: string) =>
  and(eq(invitations.meetingId, meetingId), eq(invitations.status, 'invited'));

/**
 * The invitations a reminder may go to now: no answer yet, and not reminded in the last 24 hours — or, when staff
 * ticked "remind again", not reminded since `since` (when they were shown the confirmation). `clock` is the
 * database's now() unless a caller simulates a date: every instance compares against the same clock.
 */
export const remindable = ({ clock, again, since }: { clock: SQL; again: boolean; since: Date | null }) =>
  and(
    eq(invitations.status, 'invited'),
    sql`(${invitations.lastRemindedAt} is null or ${invitations.lastRemindedAt} <= ${clock} - interval '24 hours'${
      again && since
        ? sql` or ${invitations.lastRemindedAt} < least(${since.toISOString()}::timestamptz, ${clock})`
        : sql``
    })`,
  );

export type RemindRequest = {
  /** Narrows the meeting's invitations (a selection); undefined: all of them. */
  scope?: SQL;
  /** The number staff confirmed; null for the automatic reminder. */
  confirmedCount: number | null;
  again?: boolean;
  since?: Date | null;
  /** A simulated date (tests, the automatic reminder's schedule); else the database's now(). */
  now?: Date;
};

/**
 * Reminds the unanswered invitations in scope. Each is claimed by one conditional UPDATE that sets
 * last_reminded_at and returns the ids it won; only those get a reminder, in the same transaction. A second press
 * (on this instance or another) waits on the row locks, finds them claimed, and reminds nobody twice.
 */
export async function remind(
  tx: DbExecutor,
  meetingId: string,
  actor: { id: string | null; email: string | null },
  { scope, confirmedCount, again = false, since = null, now }: RemindRequest,
) {
  const meeting = await loadInvitationMeeting(tx, meetingId, true);
  if (!meeting) return { ok: false, reason: 'notFound' } as const;
  // Nobody is asked for an answer that would no longer be taken.
  if (!ANSWERABLE_STATUSES.includes(meeting.status) || answerUntil(meeting) <= (now ?? new Date()))
    return { ok: false, reason: 'closed' } as const;
  const clock = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  const due = and(eq(invitations.meetingId, meetingId), scope, remindable({ clock, again, since }));
  if (confirmedCount !== null) {
    const [row] = await tx.select({ n: count() }).from(invitations).where(due);
    const n = row?.n ?? 0;
    if (n === 0) return { ok: false, reason: 'alreadyReminded' } as const;
    if (n !== confirmedCount) return { ok: false, reason: 'countChanged', count: n } as const;
  }
  const claimed = await tx
    .update(invitations)
    .set({ lastRemindedAt: clock })
    .where(due)
    .returning({ id: invitations.id });
  if (!claimed.length) return { ok: false, reason: 'alreadyReminded' } as const;
  const rows = await tx
    .select({ invitation: invitations, name: contacts.name })
    .from(invitations)
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .where(
      inArray(
        invitations.id,
        claimed.map((c) => c.id),
      ),
    );
  await queueMessages(
    tx,
    composeMessages(
      meeting,
      'reminder',
      rows.map((r) => ({ ...r.invitation, name: r.name })),
    ),
  );
  await recordAudit(tx, {
    actor,
    action: 'invitation.reminded',
    entityType: 'meeting',
    entityId: meetingId,
    after: { reminded: rows.length, again },
  });
  return { ok: true, count: rows.length } as const;
}

/**
 * Reminders that fall due: meetings whose automatic reminder is set and whose deadline is that many days away or
 * less. Each meeting is claimed by one conditional update, so with any number of workers it is reminded once.
 */
export async function sendDueAutoReminders(now = new Date()): Promise<number> {
  const db = await getDb();
  const due = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        isNull(meetings.autoReminderSentAt),
        inArray(meetings.status, ['planned', 'invitations_open']),
        sql`${meetings.autoReminderDays} is not null`,
        sql`${meetings.registrationDeadline} > ${now.toISOString()}::timestamptz`,
        sql`${meetings.registrationDeadline} - make_interval(days => ${meetings.autoReminderDays}) <= ${now.toISOString()}::timestamptz`,
      ),
    );
  let reminded = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const claimed = await tx
        .update(meetings)
        .set({ autoReminderSentAt: now })
        .where(and(eq(meetings.id, id), isNull(meetings.autoReminderSentAt)))
        .returning({ id: meetings.id });
      if (!claimed.length) return;
      const result = await remind(tx, id, { id: null, email: null }, { confirmedCount: null, now });
      if (result.ok) reminded++;
    });
  }
  return reminded;
}
