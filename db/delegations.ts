import 'server-only';
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { authSecret } from '@/lib/auth/secret';
import { countryName } from '@/lib/countries';
import { nomineeCourtesy } from '@/lib/courtesy';
import { delegationToken, readDelegationToken } from '@/lib/delegation-token';
import { QUOTA_HOLDING, type ContactLanguage, type DelegationKind, type DelegationMemberStatus } from '@/lib/domain';
import { appBaseUrl } from '@/lib/env';
import { localePath } from '@/lib/i18n/routing';
import { searchKey } from '@/lib/transliterate';
import { focalPointEmail, replacedMemberEmail } from '@/lib/mail/delegation-email';
import { actorOf, recordAudit, type AuditActor } from './audit';
import { getDb, type DbExecutor } from './client';
import { contactKeys } from './directory-keys';
import {
  ANSWERABLE_STATUSES,
  answerUntil,
  composeMessages,
  loadInvitationMeeting,
  queueMessages,
  withdrawQueuedMail,
  type LoadedMeeting,
} from './invitation-mail';
import { delegationNoteAttachments } from './notes-verbales';
import { enqueueMail } from './outbox';
import { endRegistration } from './registrations';
import {
  contacts,
  councilMembers,
  delegationMembers,
  delegations,
  invitations,
  meetings,
  organisations,
  registrations,
  substitutionProposals,
  type Delegation,
} from './schema';

// Delegations: a state or an organisation invited to a meeting through its focal point, who nominates up to the
// quota behind a personal delegation link. Each nominee gets their own invitation through the invitation flow
// (db/invitation-mail.ts composes and queues it), so registration, reminders and updates work for them as for anyone.
// Every change to a delegation's places runs with the meeting's row locked, then the delegation's (the order seat
// changes take in db/registrations.ts: meeting → delegation → invitation), so the quota holds under any concurrency.

export type DelegationResult<Extra = object> =
  | ({ ok: true } & Extra)
  | {
      ok: false;
      reason:
        | 'notFound'
        | 'notInvitable'
        | 'duplicate'
        | 'quotaFull'
        | 'closed'
        | 'alreadyInvited'
        | 'belowTaken'
        | 'invalid'
        | 'decided';
    };

/** Thrown inside a transaction to roll back a half-made change (a replacement whose new member cannot be placed). */
class Refused extends Error {
  constructor(readonly reason: Extract<DelegationResult, { ok: false }>['reason']) {
    super(reason);
  }
}

// ── The link ─────────────────────────────────────────────────────────────────────────────────────────────────────

export function delegationLink(delegation: Pick<Delegation, 'id' | 'linkVersion' | 'language'>): string {
  const token = delegationToken(authSecret(), { delegationId: delegation.id, version: delegation.linkVersion });
  return `${appBaseUrl()}${localePath(delegation.language, `/d/${token}`)}`;
}

/** Until when the focal point may nominate and replace: the delegation's deadline, else the meeting's. */
export const nominationsUntil = (delegation: Pick<Delegation, 'nominationDeadline'>, meeting: LoadedMeeting) =>
  delegation.nominationDeadline && delegation.nominationDeadline < answerUntil(meeting)
    ? delegation.nominationDeadline
    : answerUntil(meeting);

const nominationsOpen = (delegation: Pick<Delegation, 'nominationDeadline'>, meeting: LoadedMeeting, now: Date) =>
  ANSWERABLE_STATUSES.includes(meeting.status) && now < nominationsUntil(delegation, meeting);

/** The delegation as the note names it: "Kazakhstan" / the organisation's name, for staff pages. */
const delegationName = sql<string>`coalesce(${organisations.nameEn}, ${delegations.countryCode})`;

/** A contact's courtesy title and grammatical gender: how the emails written to them greet them. */
const courtesyColumns = {
  courtesyTitle: contacts.courtesyTitle,
  grammaticalGender: contacts.grammaticalGender,
};

// ── Emails ───────────────────────────────────────────────────────────────────────────────────────────────────────

async function mailFocalPoint(tx: DbExecutor, delegation: Delegation, meeting: LoadedMeeting, actor: AuditActor) {
  const [focal] = await tx
    .select({ ...courtesyColumns, name: contacts.name, email: contacts.email })
    .from(contacts)
    .where(eq(contacts.id, delegation.focalPointContactId));
  if (!focal) return;
  const link = delegationLink(delegation);
  // The note verbale is what invites the delegation; the email carries it with the link.
  const noteVerbale = await delegationNoteAttachments(tx, {
    meetingId: delegation.meetingId,
    delegationId: delegation.id,
    language: delegation.language,
    addressee: delegation.language === 'ru' ? delegation.addresseeRu : delegation.addresseeEn,
    quota: delegation.quota,
    nominationDeadline: delegation.nominationDeadline,
    issuedBy: actor,
  });
  const mail = focalPointEmail({
    meeting,
    locale: delegation.language,
    name: focal.name,
    courtesy: { courtesyTitle: focal.courtesyTitle, grammaticalGender: focal.grammaticalGender },
    addressee: delegation.language === 'ru' ? delegation.addresseeRu : delegation.addresseeEn,
    quota: delegation.quota,
    nominationDeadline: delegation.nominationDeadline,
    link,
  });
  await enqueueMail(tx, {
    kind: 'delegation.invitation',
    to: focal.email,
    toName: focal.name,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: noteVerbale,
    secretLinks: [link],
  });
}

// ── Staff: inviting delegations ──────────────────────────────────────────────────────────────────────────────────

export type FocalPointChoice = { id: string; name: string; email: string; organisation: string | null; why: string };

/**
 * Whom to address a delegation to: the roster's focal points nominated by the state or organisation and the
 * organisation's contacts tagged "focal point" first, then up to 20 contacts matching `search` (server-side: the
 * directory is never sent whole).
 */
export async function focalPointChoices({
  actor,
  meetingId,
  countryCode,
  organisationId,
  search,
}: {
  actor: StaffUser;
  meetingId: string;
  countryCode?: string | null;
  organisationId?: string | null;
  search?: string | null;
}): Promise<{ suggested: FocalPointChoice[]; found: FocalPointChoice[] }> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [meeting] = await db.select({ councilId: meetings.councilId }).from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) return { suggested: [], found: [] };
  const columns = {
    id: contacts.id,
    name: contacts.name,
    email: contacts.email,
    organisation: sql<string | null>`coalesce(${organisations.acronym}, ${organisations.nameEn})`,
  };
  const suggested: FocalPointChoice[] = [];
  if (countryCode || organisationId) {
    const roster = await db
      .selectDistinct(columns)
      .from(councilMembers)
      .innerJoin(contacts, eq(contacts.id, councilMembers.contactId))
      .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
      .where(
        and(
          eq(councilMembers.councilId, meeting.councilId),
          eq(councilMembers.role, 'focal_point'),
          sql`${councilMembers.termFrom} <= current_date and (${councilMembers.termTo} is null or ${councilMembers.termTo} >= current_date)`,
          countryCode
            ? eq(councilMembers.nominatedByCountry, countryCode)
            : eq(councilMembers.nominatedByOrganisationId, organisationId!),
        ),
      );
    suggested.push(...roster.map((r) => ({ ...r, why: 'Roster focal point' })));
    // A state's foreign ministry is a government organisation of that country; an organisation is itself.
    const tagged = await db
      .select(columns)
      .from(contacts)
      .innerJoin(organisations, eq(organisations.id, contacts.organisationId))
      .where(
        and(
          sql`${contacts.tags} @> array['focal point']::text[]`,
          countryCode
            ? and(eq(organisations.country, countryCode), eq(organisations.type, 'government'))
            : eq(organisations.id, organisationId!),
        ),
      )
      .orderBy(asc(contacts.sortKey))
      .limit(20);
    for (const t of tagged)
      if (!suggested.some((s) => s.id === t.id)) suggested.push({ ...t, why: 'Designated focal point' });
  }
  const found = search?.trim()
    ? await db
        .select(columns)
        .from(contacts)
        .leftJoin(organisations, eq(organisations.id, contacts.organisationId))
        .where(sql`${contacts.searchKey} like ${`%${searchKeyOf(search)}%`}`)
        .orderBy(asc(contacts.sortKey), asc(contacts.id))
        .limit(20)
    : [];
  return { suggested, found: found.map((f) => ({ ...f, why: '' })) };
}

// lib/transliterate's key, escaped for LIKE.
const searchKeyOf = (text: string) => searchKey(text).replace(/[\\%_]/g, (c) => `\\${c}`);

/** Organisations matching a search, for an organisation's delegation (at most 20). */
export async function organisationChoices({ actor, search }: { actor: StaffUser; search: string }) {
  assertRole(actor, 'viewer');
  if (!search.trim()) return [];
  const db = await getDb();
  return db
    .select({ id: organisations.id, nameEn: organisations.nameEn, nameRu: organisations.nameRu })
    .from(organisations)
    .where(sql`${organisations.searchKey} like ${`%${searchKeyOf(search)}%`}`)
    .orderBy(asc(organisations.nameEn))
    .limit(20);
}

export async function getOrganisationNames({ actor, id }: { actor: StaffUser; id: string }) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [row] = await db
    .select({ id: organisations.id, nameEn: organisations.nameEn, nameRu: organisations.nameRu })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}

export type NewDelegation = {
  kind: DelegationKind;
  countryCode: string | null;
  organisationId: string | null;
  focalPointContactId: string;
  quota: number;
  nominationDeadline: Date | null;
  addresseeEn: string;
  addresseeRu: string;
};

/** Invites a delegation: the row, and the focal point's email with the link (and the note verbale), in one go. */
export async function inviteDelegation(
  actor: StaffUser,
  meetingId: string,
  input: NewDelegation,
): Promise<DelegationResult<{ id: string }>> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const meeting = await loadInvitationMeeting(tx, meetingId, true);
    if (!meeting) return { ok: false, reason: 'notFound' } as const;
    if (!ANSWERABLE_STATUSES.includes(meeting.status) || answerUntil(meeting) <= new Date())
      return { ok: false, reason: 'notInvitable' } as const;
    const [focal] = await tx
      .select({ language: contacts.language })
      .from(contacts)
      .where(eq(contacts.id, input.focalPointContactId));
    if (!focal) return { ok: false, reason: 'notFound' } as const;
    const [created] = await tx
      .insert(delegations)
      .values({
        ...input,
        countryCode: input.kind === 'state' ? input.countryCode : null,
        organisationId: input.kind === 'organisation' ? input.organisationId : null,
        meetingId,
        language: focal.language,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) return { ok: false, reason: 'duplicate' } as const;
    await mailFocalPoint(tx, created, meeting, actorOf(actor));
    if (meeting.status === 'planned')
      await tx
        .update(meetings)
        .set({ status: 'invitations_open', updatedAt: sql`now()` })
        .where(eq(meetings.id, meetingId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'delegation.invited',
      entityType: 'delegation',
      entityId: created.id,
      after: { ...input, meetingId },
    });
    return { ok: true, id: created.id } as const;
  });
}

export type DelegationRow = {
  id: string;
  kind: DelegationKind;
  name: string;
  countryCode: string | null;
  addresseeEn: string;
  addresseeRu: string;
  focalPoint: string;
  focalPointEmail: string;
  language: ContactLanguage;
  quota: number;
  nominationDeadline: Date | null;
  linkRevoked: boolean;
  /** Places held (pending or invited). */
  taken: number;
  pending: number;
  registered: number;
  declined: number;
};

/** Every delegation of a meeting with its counts, for staff's delegations page. */
export async function listDelegations({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<DelegationRow[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const holding = sql.join(
    QUOTA_HOLDING.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await db
    .select({
      id: delegations.id,
      kind: delegations.kind,
      organisationName: organisations.nameEn,
      countryCode: delegations.countryCode,
      addresseeEn: delegations.addresseeEn,
      addresseeRu: delegations.addresseeRu,
      focalPoint: contacts.name,
      focalPointEmail: contacts.email,
      language: delegations.language,
      quota: delegations.quota,
      nominationDeadline: delegations.nominationDeadline,
      linkRevokedAt: delegations.linkRevokedAt,
      taken: sql<number>`(select count(*)::int from ${delegationMembers} m where m.delegation_id = ${delegations.id} and m.status in (${holding}))`,
      pending: sql<number>`(select count(*)::int from ${delegationMembers} m where m.delegation_id = ${delegations.id} and m.status = 'pending')`,
      registered: sql<number>`(select count(*)::int from ${delegationMembers} m join ${registrations} r on r.invitation_id = m.invitation_id where m.delegation_id = ${delegations.id} and m.status = 'invited' and r.status = 'registered')`,
      declined: sql<number>`(select count(*)::int from ${delegationMembers} m join ${invitations} i on i.id = m.invitation_id where m.delegation_id = ${delegations.id} and m.status = 'invited' and i.status = 'declined')`,
    })
    .from(delegations)
    .innerJoin(contacts, eq(contacts.id, delegations.focalPointContactId))
    .leftJoin(organisations, eq(organisations.id, delegations.organisationId))
    .where(eq(delegations.meetingId, meetingId))
    .orderBy(asc(delegationName));
  return rows.map(({ organisationName, linkRevokedAt, ...r }) => ({
    ...r,
    name: organisationName ?? countryName(r.countryCode ?? '', 'en'),
    linkRevoked: linkRevokedAt !== null,
  }));
}

async function changeDelegation(
  actor: StaffUser,
  id: string,
  action: string,
  change: (tx: DbExecutor, delegation: Delegation, meeting: LoadedMeeting) => Promise<DelegationResult | void>,
): Promise<DelegationResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockDelegation(tx, id);
    if (!locked) return { ok: false, reason: 'notFound' } as const;
    const refused = await change(tx, locked.delegation, locked.meeting);
    if (refused) return refused;
    await recordAudit(tx, {
      actor: actorOf(actor),
      action,
      entityType: 'delegation',
      entityId: id,
      before: { quota: locked.delegation.quota, linkVersion: locked.delegation.linkVersion },
    });
    return { ok: true } as const;
  });
}

/** Meeting first, then the delegation: the order every change of places locks in. */
async function lockDelegation(tx: DbExecutor, id: string) {
  const [found] = await tx.select({ meetingId: delegations.meetingId }).from(delegations).where(eq(delegations.id, id));
  if (!found) return null;
  const meeting = await loadInvitationMeeting(tx, found.meetingId, true);
  const [delegation] = await tx.select().from(delegations).where(eq(delegations.id, id)).for('update');
  if (!meeting || !delegation) return null;
  return { meeting, delegation };
}

async function placesTaken(tx: DbExecutor, delegationId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(delegationMembers)
    .where(
      and(eq(delegationMembers.delegationId, delegationId), inArray(delegationMembers.status, [...QUOTA_HOLDING])),
    );
  return row?.n ?? 0;
}

/** Sets the quota; never below the places already taken. */
export async function setDelegationQuota(actor: StaffUser, id: string, quota: number): Promise<DelegationResult> {
  return changeDelegation(actor, id, 'delegation.quota_set', async (tx) => {
    if ((await placesTaken(tx, id)) > quota) return { ok: false, reason: 'belowTaken' };
    await tx
      .update(delegations)
      .set({ quota, updatedAt: sql`now()` })
      .where(eq(delegations.id, id));
  });
}

/** A new link for the focal point, sent by email; the old one stops working. */
export async function reissueDelegationLink(actor: StaffUser, id: string): Promise<DelegationResult> {
  return changeDelegation(actor, id, 'delegation.link_reissued', async (tx, _delegation, meeting) => {
    const [updated] = await tx
      .update(delegations)
      .set({ linkVersion: sql`${delegations.linkVersion} + 1`, linkRevokedAt: null, updatedAt: sql`now()` })
      .where(eq(delegations.id, id))
      .returning();
    await mailFocalPoint(tx, updated!, meeting, actorOf(actor));
  });
}

/** Kills the focal point's link at once (nominations already made stand). */
export async function revokeDelegationLink(actor: StaffUser, id: string): Promise<DelegationResult> {
  return changeDelegation(actor, id, 'delegation.link_revoked', async (tx) => {
    await tx
      .update(delegations)
      .set({ linkRevokedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(delegations.id, id));
  });
}

/** Whether nominations wait for staff's approval before their invitations go out (per meeting). */
export async function setNominationApproval(actor: StaffUser, meetingId: string, on: boolean) {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(meetings)
      .set({ approveNominations: on, updatedAt: sql`now()` })
      .where(eq(meetings.id, meetingId))
      .returning({ id: meetings.id });
    if (!updated) return { ok: false, reason: 'notFound' } as const;
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.nomination_approval_set',
      entityType: 'meeting',
      entityId: meetingId,
      after: { approveNominations: on },
    });
    return { ok: true } as const;
  });
}

// ── Members ──────────────────────────────────────────────────────────────────────────────────────────────────────

export type Nominee = {
  title: string;
  passportName: string;
  displayName: string;
  position: string;
  email: string;
  language: ContactLanguage;
  head: boolean;
};

/** The directory's contact for a nominee: the one with that address, else a new one from what the focal point gave. */
async function contactOfNominee(tx: DbExecutor, delegation: Delegation, nominee: Nominee, source: string) {
  const email = nominee.email.trim().toLowerCase();
  const [existing] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, email));
  if (existing) return existing.id;
  const values = { name: nominee.displayName, nameLatin: nominee.passportName, email };
  const [created] = await tx
    .insert(contacts)
    .values({
      ...values,
      ...contactKeys(values),
      title: nominee.position || null,
      ...nomineeCourtesy(nominee.title),
      language: nominee.language,
      country: delegation.countryCode,
      organisationId: delegation.organisationId,
      source,
    })
    .onConflictDoNothing()
    .returning({ id: contacts.id });
  if (created) return created.id;
  // Created meanwhile by someone else (the address is unique): use theirs.
  const [raced] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, email));
  return raced!.id;
}

/** The nominee's own invitation, through the invitation flow's email (and an audit entry as any invitation's). */
async function inviteNominee(
  tx: DbExecutor,
  meeting: LoadedMeeting,
  member: { contactId: string; email: string; language: ContactLanguage; name: string },
  actor: AuditActor,
  substituteForInvitationId: string | null = null,
): Promise<string | null> {
  const [invitation] = await tx
    .insert(invitations)
    .values({
      meetingId: meeting.id,
      contactId: member.contactId,
      role: 'delegate',
      email: member.email,
      language: member.language,
      lastSentAt: sql`now()`,
      substituteForInvitationId,
    })
    .onConflictDoNothing()
    .returning();
  if (!invitation) return null;
  await queueMessages(tx, composeMessages(meeting, 'invitation', [{ ...invitation, name: member.name }]), {
    markInvitations: false,
  });
  await recordAudit(tx, {
    actor,
    action: 'invitation.created',
    entityType: 'invitation',
    entityId: invitation.id,
    after: {
      meetingId: meeting.id,
      contactId: member.contactId,
      role: 'delegate',
      email: member.email,
      language: member.language,
      substituteForInvitationId,
    },
  });
  return invitation.id;
}

/** Places a member: pending approval where the meeting asks for it, else invited at once. */
async function placeMember(
  tx: DbExecutor,
  delegation: Delegation,
  meeting: LoadedMeeting,
  nominee: Nominee,
  actor: AuditActor,
  {
    replacesMemberId = null,
    substituteForInvitationId = null,
  }: { replacesMemberId?: string | null; substituteForInvitationId?: string | null } = {},
): Promise<DelegationResult<{ memberId: string }>> {
  const email = nominee.email.trim().toLowerCase();
  const contactId = await contactOfNominee(tx, delegation, nominee, `Nominated by delegation ${delegation.id}`);
  const [already] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.meetingId, meeting.id), eq(invitations.contactId, contactId)));
  if (already) return { ok: false, reason: 'alreadyInvited' };
  const pending = meeting.approveNominations;
  const invitationId = pending
    ? null
    : await inviteNominee(
        tx,
        meeting,
        { contactId, email, language: nominee.language, name: nominee.displayName },
        actor,
        substituteForInvitationId,
      );
  if (!pending && !invitationId) return { ok: false, reason: 'alreadyInvited' };
  if (nominee.head)
    await tx
      .update(delegationMembers)
      .set({ head: false, updatedAt: sql`now()` })
      .where(eq(delegationMembers.delegationId, delegation.id));
  const [member] = await tx
    .insert(delegationMembers)
    .values({
      delegationId: delegation.id,
      contactId,
      invitationId,
      status: pending ? 'pending' : 'invited',
      title: nominee.title,
      passportName: nominee.passportName,
      displayName: nominee.displayName,
      position: nominee.position,
      email,
      language: nominee.language,
      head: nominee.head,
      replacesMemberId,
    })
    .returning({ id: delegationMembers.id });
  await recordAudit(tx, {
    actor,
    action: 'delegation.member_nominated',
    entityType: 'delegation',
    entityId: delegation.id,
    after: { memberId: member!.id, contactId, email, status: pending ? 'pending' : 'invited', replacesMemberId },
  });
  return { ok: true, memberId: member!.id };
}

/** Takes a member out of their place: their invitation is revoked (seat freed) and they are told by email. */
async function removeMember(tx: DbExecutor, meeting: LoadedMeeting, memberId: string, actor: AuditActor, now: Date) {
  const [member] = await tx
    .update(delegationMembers)
    .set({ status: 'replaced', head: false, updatedAt: sql`now()` })
    .where(eq(delegationMembers.id, memberId))
    .returning();
  if (!member?.invitationId) return;
  const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, member.invitationId)).for('update');
  if (!invitation || invitation.status === 'revoked') return;
  await tx
    .update(invitations)
    .set({ status: 'revoked', updatedAt: sql`now()` })
    .where(eq(invitations.id, invitation.id));
  await withdrawQueuedMail(tx, [invitation.id], 'the delegation replaced this member');
  await endRegistration(tx, meeting, invitation, now, { notify: false, actor, why: 'replaced by the delegation' });
  // Someone who declined has nothing left to be told.
  if (invitation.status !== 'declined') {
    const [courtesy] = await tx.select(courtesyColumns).from(contacts).where(eq(contacts.id, member.contactId));
    const mail = replacedMemberEmail({ meeting, locale: invitation.language, name: member.displayName, courtesy });
    await enqueueMail(tx, {
      kind: 'delegation.replaced',
      to: invitation.email,
      toName: member.displayName,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  }
  await recordAudit(tx, {
    actor,
    action: 'invitation.revoked',
    entityType: 'invitation',
    entityId: invitation.id,
    before: { status: invitation.status },
    after: { why: 'replaced by the delegation' },
  });
}

/** Staff's decision on a pending nomination: approved, the invitation goes out; rejected, the place is freed. */
export async function decideNomination(
  actor: StaffUser,
  memberId: string,
  approve: boolean,
): Promise<DelegationResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ delegationId: delegationMembers.delegationId })
      .from(delegationMembers)
      .where(eq(delegationMembers.id, memberId));
    const locked = found ? await lockDelegation(tx, found.delegationId) : null;
    if (!locked) return { ok: false, reason: 'notFound' } as const;
    const [member] = await tx.select().from(delegationMembers).where(eq(delegationMembers.id, memberId)).for('update');
    if (!member || member.status !== 'pending') return { ok: false, reason: 'decided' } as const;
    let invitationId: string | null = null;
    if (approve) {
      invitationId = await inviteNominee(
        tx,
        locked.meeting,
        { contactId: member.contactId, email: member.email, language: member.language, name: member.displayName },
        actorOf(actor),
      );
      if (!invitationId) return { ok: false, reason: 'alreadyInvited' } as const;
    }
    await tx
      .update(delegationMembers)
      .set({ status: approve ? 'invited' : 'rejected', invitationId, updatedAt: sql`now()` })
      .where(eq(delegationMembers.id, memberId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: approve ? 'delegation.member_approved' : 'delegation.member_rejected',
      entityType: 'delegation',
      entityId: member.delegationId,
      after: { memberId },
    });
    return { ok: true } as const;
  });
}

// ── The delegation's order on the list of participants ───────────────────────────────────────────────────────────

type OrderedMember = { id: string; displayName: string; head: boolean; listOrder: number | null };

const memberCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The order the list of participants gives a delegation (lib/participant-list.ts): head, staff's order, name. */
const inListOrder = <M extends OrderedMember>(members: M[]): M[] =>
  [...members].sort(
    (a, b) =>
      Number(b.head) - Number(a.head) ||
      (a.listOrder ?? Infinity) - (b.listOrder ?? Infinity) ||
      memberCollator.compare(a.displayName, b.displayName) ||
      a.id.localeCompare(b.id),
  );

export type OrderedDelegationMember = { id: string; displayName: string; head: boolean };

/** The members holding a place in each delegation of a meeting, in the list's order, for staff's delegations page. */
export async function listDelegationOrder({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<Map<string, OrderedDelegationMember[]>> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const rows = await db
    .select({
      id: delegationMembers.id,
      delegationId: delegationMembers.delegationId,
      displayName: delegationMembers.displayName,
      head: delegationMembers.head,
      listOrder: delegationMembers.listOrder,
    })
    .from(delegationMembers)
    .innerJoin(delegations, eq(delegations.id, delegationMembers.delegationId))
    .where(and(eq(delegations.meetingId, meetingId), inArray(delegationMembers.status, [...QUOTA_HOLDING])));
  const byDelegation = new Map<string, OrderedDelegationMember[]>();
  for (const m of inListOrder(rows))
    byDelegation.set(m.delegationId, [
      ...(byDelegation.get(m.delegationId) ?? []),
      { id: m.id, displayName: m.displayName, head: m.head },
    ]);
  return byDelegation;
}

/**
 * Moves a member one place up or down in their delegation's entry of the list of participants. Every member holding
 * a place is numbered afresh, so the order staff see is the order the list prints; the head stays first and is
 * never swapped with.
 */
export async function moveDelegationMember(
  actor: StaffUser,
  {
    meetingId,
    delegationId,
    memberId,
    direction,
  }: {
    meetingId: string;
    delegationId: string;
    memberId: string;
    direction: 'up' | 'down';
  },
): Promise<DelegationResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockDelegation(tx, delegationId);
    if (!locked || locked.delegation.meetingId !== meetingId) return { ok: false, reason: 'notFound' } as const;
    const members = await tx
      .select({
        id: delegationMembers.id,
        displayName: delegationMembers.displayName,
        head: delegationMembers.head,
        listOrder: delegationMembers.listOrder,
      })
      .from(delegationMembers)
      .where(
        and(eq(delegationMembers.delegationId, delegationId), inArray(delegationMembers.status, [...QUOTA_HOLDING])),
      );
    const before = inListOrder(members);
    const from = before.findIndex((m) => m.id === memberId);
    if (from < 0) return { ok: false, reason: 'notFound' } as const;
    const to = direction === 'up' ? from - 1 : from + 1;
    if (before[from]!.head || to < 0 || to >= before.length || before[to]!.head)
      return { ok: false, reason: 'invalid' } as const;
    const after = [...before];
    [after[from], after[to]] = [after[to]!, after[from]!];
    for (const [index, member] of after.entries())
      await tx
        .update(delegationMembers)
        .set({ listOrder: index + 1, updatedAt: sql`now()` })
        .where(eq(delegationMembers.id, member.id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'delegation.members_reordered',
      entityType: 'delegation',
      entityId: delegationId,
      before: { order: before.map((m) => m.id) },
      after: { order: after.map((m) => m.id), memberId, direction },
    });
    return { ok: true } as const;
  });
}

export type MemberState =
  | 'awaitingApproval'
  | 'rejected'
  | 'invited'
  | 'accepted'
  | 'registered'
  | 'waitlisted'
  | 'declined'
  | 'cancelled'
  | 'replaced';

export type MemberView = {
  id: string;
  title: string;
  passportName: string;
  displayName: string;
  position: string;
  email: string;
  language: ContactLanguage;
  head: boolean;
  status: DelegationMemberStatus;
  state: MemberState;
  substituteFor: string | null;
};

function memberState(
  status: DelegationMemberStatus,
  invitation: string | null,
  registration: string | null,
): MemberState {
  if (status === 'pending') return 'awaitingApproval';
  if (status === 'rejected') return 'rejected';
  if (status === 'replaced') return 'replaced';
  if (invitation === 'revoked' || registration === 'cancelled' || registration === 'lapsed') return 'cancelled';
  if (invitation === 'declined') return 'declined';
  if (registration === 'registered') return 'registered';
  if (registration === 'waitlisted' || registration === 'offered') return 'waitlisted';
  if (invitation === 'accepted') return 'accepted';
  return 'invited';
}

async function membersOf(executor: DbExecutor, delegationId: string): Promise<MemberView[]> {
  const rows = await executor
    .select({
      member: delegationMembers,
      invitationStatus: invitations.status,
      registrationStatus: registrations.status,
      substituteFor: sql<
        string | null
      >`(select c.name from ${invitations} o join ${contacts} c on c.id = o.contact_id where o.id = ${invitations.substituteForInvitationId})`,
    })
    .from(delegationMembers)
    .leftJoin(invitations, eq(invitations.id, delegationMembers.invitationId))
    .leftJoin(registrations, eq(registrations.invitationId, delegationMembers.invitationId))
    .where(eq(delegationMembers.delegationId, delegationId))
    .orderBy(
      sql`${delegationMembers.status} = 'replaced'`,
      sql`${delegationMembers.head} desc`,
      asc(delegationMembers.createdAt),
    );
  return rows.map(({ member: m, invitationStatus, registrationStatus, substituteFor }) => ({
    id: m.id,
    title: m.title,
    passportName: m.passportName,
    displayName: m.displayName,
    position: m.position,
    email: m.email,
    language: m.language,
    head: m.head,
    status: m.status,
    state: memberState(m.status, invitationStatus, registrationStatus),
    substituteFor,
  }));
}

export type ProposalView = {
  id: string;
  member: string;
  name: string;
  email: string;
  position: string;
  language: ContactLanguage;
};

async function openProposals(executor: DbExecutor, where: SQL | undefined): Promise<ProposalView[]> {
  return executor
    .select({
      id: substitutionProposals.id,
      member: contacts.name,
      name: substitutionProposals.name,
      email: substitutionProposals.email,
      position: substitutionProposals.position,
      language: substitutionProposals.language,
    })
    .from(substitutionProposals)
    .innerJoin(invitations, eq(invitations.id, substitutionProposals.invitationId))
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .where(and(where, eq(substitutionProposals.status, 'proposed')))
    .orderBy(asc(substitutionProposals.createdAt));
}

/** Members waiting for approval across the meeting, for staff's delegations page. */
export async function listPendingNominations({ actor, meetingId }: { actor: StaffUser; meetingId: string }) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select({
      id: delegationMembers.id,
      delegationId: delegationMembers.delegationId,
      displayName: delegationMembers.displayName,
      position: delegationMembers.position,
      email: delegationMembers.email,
    })
    .from(delegationMembers)
    .innerJoin(delegations, eq(delegations.id, delegationMembers.delegationId))
    .where(and(eq(delegations.meetingId, meetingId), eq(delegationMembers.status, 'pending')))
    .orderBy(asc(delegationMembers.createdAt));
}

/** Proposals of substitutes staff decide: those of invitees outside any delegation. */
export async function listStaffProposals({ actor, meetingId }: { actor: StaffUser; meetingId: string }) {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return openProposals(
    db,
    and(eq(invitations.meetingId, meetingId), sql`${substitutionProposals.delegationId} is null`),
  );
}

// ── The focal point, behind the delegation link ──────────────────────────────────────────────────────────────────

export type OpenedDelegation = {
  delegation: Pick<
    Delegation,
    'id' | 'kind' | 'countryCode' | 'quota' | 'nominationDeadline' | 'addresseeEn' | 'addresseeRu' | 'language'
  >;
  version: number;
  focalPointName: string;
  meeting: LoadedMeeting;
  open: boolean;
  until: Date;
  taken: number;
  members: MemberView[];
  proposals: ProposalView[];
};

export type DelegationLookup =
  { ok: true; opened: OpenedDelegation } | { ok: false; reason: 'unknown' | 'revoked' | 'expired' | 'superseded' };

/** What a delegation link opens. Reading changes nothing (mail scanners open links first). */
export async function openDelegationLink(token: string, now = new Date()): Promise<DelegationLookup> {
  const parts = readDelegationToken(authSecret(), token);
  if (!parts) return { ok: false, reason: 'unknown' };
  const db = await getDb();
  const [row] = await db
    .select({ delegation: delegations, focalPointName: contacts.name })
    .from(delegations)
    .innerJoin(contacts, eq(contacts.id, delegations.focalPointContactId))
    .where(eq(delegations.id, parts.delegationId));
  if (!row || parts.version > row.delegation.linkVersion) return { ok: false, reason: 'unknown' };
  if (row.delegation.linkRevokedAt) return { ok: false, reason: 'revoked' };
  if (parts.version < row.delegation.linkVersion) return { ok: false, reason: 'superseded' };
  const meeting = await loadInvitationMeeting(db, row.delegation.meetingId);
  if (!meeting || meeting.endsAt <= now) return { ok: false, reason: 'expired' };
  const members = await membersOf(db, row.delegation.id);
  return {
    ok: true,
    opened: {
      delegation: row.delegation,
      version: parts.version,
      focalPointName: row.focalPointName,
      meeting,
      open: nominationsOpen(row.delegation, meeting, now),
      until: nominationsUntil(row.delegation, meeting),
      taken: members.filter((m) => QUOTA_HOLDING.includes(m.status)).length,
      members,
      proposals: await openProposals(db, eq(substitutionProposals.delegationId, row.delegation.id)),
    },
  };
}

/** Locks the link's delegation (meeting first) and checks the link still works and nominations are open. */
async function lockLink(tx: DbExecutor, token: string, now: Date) {
  const parts = readDelegationToken(authSecret(), token);
  if (!parts) return { ok: false, reason: 'invalid' } as const;
  const locked = await lockDelegation(tx, parts.delegationId);
  if (!locked || locked.delegation.linkRevokedAt || locked.delegation.linkVersion !== parts.version)
    return { ok: false, reason: 'invalid' } as const;
  if (!nominationsOpen(locked.delegation, locked.meeting, now)) return { ok: false, reason: 'closed' } as const;
  return { ok: true, ...locked, actor: { id: null, email: null } } as const;
}

const focalPointActor = async (tx: DbExecutor, delegation: Delegation): Promise<AuditActor> => {
  const [focal] = await tx
    .select({ email: contacts.email })
    .from(contacts)
    .where(eq(contacts.id, delegation.focalPointContactId));
  return { id: null, email: focal?.email ?? null };
};

/** The focal point nominates a member, within the quota. */
export async function nominateMember(
  token: string,
  nominee: Nominee,
  now = new Date(),
): Promise<DelegationResult<{ memberId: string }>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const link = await lockLink(tx, token, now);
    if (!link.ok) return link;
    if ((await placesTaken(tx, link.delegation.id)) >= link.delegation.quota)
      return { ok: false, reason: 'quotaFull' } as const;
    return placeMember(tx, link.delegation, link.meeting, nominee, await focalPointActor(tx, link.delegation));
  });
}

/** The focal point puts someone else in a member's place (a changed address is a replacement too). */
export async function replaceMember(
  token: string,
  memberId: string,
  nominee: Nominee,
  now = new Date(),
): Promise<DelegationResult<{ memberId: string }>> {
  const db = await getDb();
  const result = await db
    .transaction(async (tx) => {
      const link = await lockLink(tx, token, now);
      if (!link.ok) return link;
      const [member] = await tx
        .select()
        .from(delegationMembers)
        .where(and(eq(delegationMembers.id, memberId), eq(delegationMembers.delegationId, link.delegation.id)))
        .for('update');
      if (!member || !QUOTA_HOLDING.includes(member.status)) return { ok: false, reason: 'notFound' } as const;
      const actor = await focalPointActor(tx, link.delegation);
      await removeMember(tx, link.meeting, memberId, actor, now);
      const placed = await placeMember(tx, link.delegation, link.meeting, nominee, actor, {
        replacesMemberId: memberId,
      });
      // Nothing of the replacement stands if the new member cannot be placed.
      if (!placed.ok) throw new Refused(placed.reason);
      return placed;
    })
    .catch((error: unknown) => {
      if (error instanceof Refused) return { ok: false, reason: error.reason } as const;
      throw error;
    });
  return result;
}

// ── Substitutions ────────────────────────────────────────────────────────────────────────────────────────────────

async function decide(
  tx: DbExecutor,
  proposalId: string,
  accept: boolean,
  actor: AuditActor,
  scope: { delegationId: string | null; meetingId: string },
  now: Date,
): Promise<DelegationResult> {
  const [row] = await tx
    .select({ proposal: substitutionProposals, declined: invitations })
    .from(substitutionProposals)
    .innerJoin(invitations, eq(invitations.id, substitutionProposals.invitationId))
    .where(eq(substitutionProposals.id, proposalId))
    .for('update', { of: substitutionProposals });
  if (!row || row.declined.meetingId !== scope.meetingId || (row.proposal.delegationId ?? null) !== scope.delegationId)
    return { ok: false, reason: 'notFound' };
  if (row.proposal.status !== 'proposed') return { ok: false, reason: 'decided' };
  let substituteInvitationId: string | null = null;
  if (accept) {
    const meeting = (await loadInvitationMeeting(tx, scope.meetingId))!;
    const nominee: Nominee = {
      title: '',
      passportName: row.proposal.name,
      displayName: row.proposal.name,
      position: row.proposal.position,
      email: row.proposal.email,
      language: row.proposal.language,
      head: false,
    };
    if (scope.delegationId) {
      // In the delegation, the substitute takes the declined member's place of the quota.
      const [delegation] = await tx.select().from(delegations).where(eq(delegations.id, scope.delegationId));
      const [member] = await tx
        .select()
        .from(delegationMembers)
        .where(
          and(
            eq(delegationMembers.delegationId, scope.delegationId),
            eq(delegationMembers.invitationId, row.declined.id),
          ),
        );
      if (!delegation) return { ok: false, reason: 'notFound' };
      if (member && QUOTA_HOLDING.includes(member.status)) await removeMember(tx, meeting, member.id, actor, now);
      else if ((await placesTaken(tx, delegation.id)) >= delegation.quota) return { ok: false, reason: 'quotaFull' };
      const placed = await placeMember(tx, delegation, meeting, nominee, actor, {
        replacesMemberId: member?.id ?? null,
        substituteForInvitationId: row.declined.id,
      });
      if (!placed.ok) throw new Refused(placed.reason);
      const [m] = await tx
        .select({ invitationId: delegationMembers.invitationId })
        .from(delegationMembers)
        .where(eq(delegationMembers.id, placed.memberId));
      substituteInvitationId = m?.invitationId ?? null;
    } else {
      const email = nominee.email.trim().toLowerCase();
      const [existing] = await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, email));
      let contactId = existing?.id;
      if (!contactId) {
        const values = { name: nominee.displayName, email };
        const [created] = await tx
          .insert(contacts)
          .values({
            ...values,
            ...contactKeys(values),
            title: nominee.position || null,
            language: nominee.language,
            source: `Proposed as a substitute on invitation ${row.declined.id}`,
          })
          .returning({ id: contacts.id });
        contactId = created!.id;
      }
      substituteInvitationId = await inviteNominee(
        tx,
        meeting,
        { contactId, email, language: nominee.language, name: nominee.displayName },
        actor,
        row.declined.id,
      );
      if (!substituteInvitationId) return { ok: false, reason: 'alreadyInvited' };
      // The substitute comes in the declined invitee's role.
      await tx.update(invitations).set({ role: row.declined.role }).where(eq(invitations.id, substituteInvitationId));
    }
  }
  await tx
    .update(substitutionProposals)
    .set({
      status: accept ? 'accepted' : 'refused',
      decidedAt: now,
      decidedBy: actor.email,
      substituteInvitationId,
      updatedAt: sql`now()`,
    })
    .where(eq(substitutionProposals.id, proposalId));
  await recordAudit(tx, {
    actor,
    action: accept ? 'substitution.accepted' : 'substitution.refused',
    entityType: 'invitation',
    entityId: row.declined.id,
    after: { proposalId, substituteInvitationId },
  });
  return { ok: true };
}

const withRefusal = (run: () => Promise<DelegationResult>) =>
  run().catch((error: unknown) => {
    if (error instanceof Refused) return { ok: false, reason: error.reason } as const;
    throw error;
  });

/** The focal point accepts or refuses a substitute proposed by a member who declined. */
export async function decideSubstitutionByLink(
  token: string,
  proposalId: string,
  accept: boolean,
  now = new Date(),
): Promise<DelegationResult> {
  const db = await getDb();
  return withRefusal(() =>
    db.transaction(async (tx) => {
      const link = await lockLink(tx, token, now);
      if (!link.ok) return link;
      const actor = await focalPointActor(tx, link.delegation);
      return decide(
        tx,
        proposalId,
        accept,
        actor,
        { delegationId: link.delegation.id, meetingId: link.meeting.id },
        now,
      );
    }),
  );
}

/** Staff accept or refuse a substitute proposed by an invitee outside any delegation. */
export async function decideSubstitutionAsStaff(
  actor: StaffUser,
  meetingId: string,
  proposalId: string,
  accept: boolean,
  now = new Date(),
): Promise<DelegationResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return withRefusal(() =>
    db.transaction(async (tx) => {
      const meeting = await loadInvitationMeeting(tx, meetingId, true);
      if (!meeting) return { ok: false, reason: 'notFound' } as const;
      if (!ANSWERABLE_STATUSES.includes(meeting.status) || answerUntil(meeting) <= now)
        return { ok: false, reason: 'closed' } as const;
      return decide(tx, proposalId, accept, actorOf(actor), { delegationId: null, meetingId }, now);
    }),
  );
}

// ── For the note verbale (hg's db/notes-verbales.ts) ─────────────────────────────────────────────────────────────

export type DelegationForNote = {
  meetingId: string;
  addresseeEn: string;
  addresseeRu: string;
  language: ContactLanguage;
  quota: number;
  nominationDeadline: Date | null;
  countryCode: string | null;
  organisationName: { en: string; ru: string } | null;
};

export async function getDelegationForNote(
  executor: DbExecutor,
  delegationId: string,
): Promise<DelegationForNote | null> {
  const [row] = await executor
    .select({
      delegation: delegations,
      organisationEn: organisations.nameEn,
      organisationRu: organisations.nameRu,
    })
    .from(delegations)
    .leftJoin(organisations, eq(organisations.id, delegations.organisationId))
    .where(eq(delegations.id, delegationId));
  if (!row) return null;
  const d = row.delegation;
  return {
    meetingId: d.meetingId,
    addresseeEn: d.addresseeEn,
    addresseeRu: d.addresseeRu,
    language: d.language,
    quota: d.quota,
    nominationDeadline: d.nominationDeadline,
    countryCode: d.countryCode,
    organisationName: row.organisationEn
      ? { en: row.organisationEn, ru: row.organisationRu ?? row.organisationEn }
      : null,
  };
}
