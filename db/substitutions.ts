import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { ContactLanguage } from '@/lib/domain';
import { QUOTA_HOLDING } from '@/lib/domain';
import type { DbExecutor } from './client';
import { delegationMembers, substitutionProposals } from './schema';

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
}
