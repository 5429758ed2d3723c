'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { decideSubstitutionByLink, nominateMember, replaceMember, type DelegationResult } from '@/db/delegations';
import { authSecret } from '@/lib/auth/secret';
import { readDelegationToken } from '@/lib/delegation-token';
import { getPathname } from '@/lib/i18n/navigation';
import { nomineeSchema } from '@/lib/schemas/delegation';
import { tokenAction } from '@/services/actions';
import { delegationOutcome } from './messages';

// The focal point's actions behind the delegation link. Only a link this server made gets any further; whether it
// still works (revoked, superseded, past the deadline) is the data layer's to say, under the delegation's lock.

const verifyToken = async (token: string) =>
  readDelegationToken(authSecret(), token) ? { ok: true as const } : { ok: false as const };

const locale = z.enum(['en', 'ru']);
const showChange = () => revalidatePath('/[locale]/d/[token]', 'page');

const answer = (lang: 'en' | 'ru', result: DelegationResult, success: 'nominated' | 'replaced' | 'decided') => {
  if (result.ok) showChange();
  return delegationOutcome(lang, result, success);
};

export const nominateAction = tokenAction(
  { name: 'delegation.nominate', bound: z.tuple([z.string().max(100), locale]), verifyToken, schema: nomineeSchema },
  async (nominee, { bound: [token, lang] }) => answer(lang, await nominateMember(token, nominee), 'nominated'),
);

export const replaceAction = tokenAction(
  {
    name: 'delegation.replace',
    bound: z.tuple([z.string().max(100), locale, z.uuid()]),
    verifyToken,
    schema: nomineeSchema,
  },
  async (nominee, { bound: [token, lang, memberId] }) => {
    const result = await replaceMember(token, memberId, nominee);
    if (!result.ok) return delegationOutcome(lang, result, 'replaced');
    // The replaced member's form leaves the page with them: the page itself says it was done (Post/Redirect/Get).
    redirect(getPathname({ href: { pathname: `/d/${token}`, query: { done: 'replaced' } }, locale: lang }));
  },
);

export const decideProposalAction = tokenAction(
  {
    name: 'delegation.decideSubstitute',
    bound: z.tuple([z.string().max(100), locale, z.uuid(), z.enum(['accept', 'refuse'])]),
    verifyToken,
    schema: z.object({}),
  },
  async (_, { bound: [token, lang, proposalId, decision] }) =>
    answer(lang, await decideSubstitutionByLink(token, proposalId, decision === 'accept'), 'decided'),
);
