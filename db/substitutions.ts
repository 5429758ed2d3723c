import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { ContactLanguage } from '@/lib/domain';
import { QUOTA_HOLDING } from '@/lib/domain';
import { proposalEmail } from '@/lib/mail/delegation-email';
import type { DbExecutor } from './client';
import { delegationLink } from './delegations';
import { loadInvitationMeeting } from './invitation-mail';
import { enqueueMail } from './outbox';
import { contacts, delegationMembers, delegations, invitations, substitutionProposals } from './schema';

// A declining delegate's proposal of a substitute, recorded in the decline's transaction (db/invitations.ts
// answerInvitation). It goes to the focal point of the delegation the delegate was nominated by, else to staff
// (db/delegations.ts decides either way).

export type SubstituteProposal = { name: string; email: string; position: string; language: ContactLanguage };

export async function recordSubstituteProposal(tx: DbExecutor, invitationId: string, proposal: SubstituteProposal) {
  const [member] = await tx
    .select({ delegationId: delegationMembers.delegationId })
    .from(delegationMembers)
    .where(
      and(eq(delegationMembers.invitationId, invitationId), inArray(delegationMembers.status, [...QUOTA_HOLDING])),
    );
  // A second decline replaces the open proposal rather than adding another.
  await tx
    .delete(substitutionProposals)
    .where(and(eq(substitutionProposals.invitationId, invitationId), eq(substitutionProposals.status, 'proposed')));
  await tx.insert(substitutionProposals).values({
    invitationId,
    delegationId: member?.delegationId ?? null,
    name: proposal.name,
    email: proposal.email.trim().toLowerCase(),
    position: proposal.position,
    language: proposal.language,
  });
  if (member) await tellFocalPoint(tx, member.delegationId, invitationId, proposal.name);
}

/** The focal point hears of the proposal by email, with their delegation link (where the link still works). */
async function tellFocalPoint(tx: DbExecutor, delegationId: string, invitationId: string, substitute: string) {
  const [row] = await tx
    .select({
      delegation: delegations,
      focalName: contacts.name,
      focalEmail: contacts.email,
      courtesyTitle: contacts.courtesyTitle,
      grammaticalGender: contacts.grammaticalGender,
    })
    .from(delegations)
    .innerJoin(contacts, eq(contacts.id, delegations.focalPointContactId))
    .where(eq(delegations.id, delegationId));
  if (!row || row.delegation.linkRevokedAt) return;
  const [declined] = await tx
    .select({ name: contacts.name })
    .from(invitations)
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .where(eq(invitations.id, invitationId));
  const meeting = await loadInvitationMeeting(tx, row.delegation.meetingId);
  if (!meeting || !declined) return;
  const link = delegationLink(row.delegation);
  const mail = proposalEmail({
    meeting,
    locale: row.delegation.language,
    name: row.focalName,
    courtesy: { courtesyTitle: row.courtesyTitle, grammaticalGender: row.grammaticalGender },
    member: declined.name,
    substitute,
    link,
  });
  await enqueueMail(tx, {
    kind: 'delegation.substitute_proposed',
    to: row.focalEmail,
    toName: row.focalName,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    secretLinks: [link],
  });
}
