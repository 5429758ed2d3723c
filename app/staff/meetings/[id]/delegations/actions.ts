'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  decideNomination,
  decideSubstitutionAsStaff,
  inviteDelegation,
  moveDelegationMember,
  reissueDelegationLink,
  revokeDelegationLink,
  setDelegationQuota,
  setNominationApproval,
  type DelegationResult,
} from '@/db/delegations';
import { getMeetingInvitationSettings } from '@/db/invitations';
import { parseZonedDateTime } from '@/lib/datetime';
import type { FormState } from '@/lib/form-state';
import { delegationSchema } from '@/lib/schemas/delegation';
import { staffAction } from '@/services/actions';

const page = (meetingId: string) => `/staff/meetings/${meetingId}/delegations`;

const REFUSALS: Record<Extract<DelegationResult, { ok: false }>['reason'], string> = {
  notFound: 'Not found: it may have been removed meanwhile.',
  notInvitable:
    'Delegations can be invited only to planned meetings whose answer deadline has not passed (not drafts, closed, held or cancelled ones).',
  duplicate: 'This state or organisation already has a delegation to the meeting.',
  quotaFull: 'The delegation’s quota is full.',
  closed: 'Answers are no longer taken for this meeting.',
  alreadyInvited: 'This person has already been invited to the meeting.',
  belowTaken: 'The quota cannot be lower than the places already taken.',
  invalid: 'Not possible.',
  decided: 'This has been decided already.',
};

const outcome = (meetingId: string, result: DelegationResult, done: string): FormState => {
  if (!result.ok) return { status: 'error', message: REFUSALS[result.reason] };
  revalidatePath(page(meetingId));
  return { status: 'success', message: done };
};

export const inviteDelegationAction = staffAction(
  { name: 'delegations.invite', role: 'editor', bound: z.tuple([z.uuid()]), schema: delegationSchema },
  async ({ nominationDeadline, ...input }, { staff, bound: [meetingId] }) => {
    const meeting = await getMeetingInvitationSettings({ actor: staff, meetingId });
    if (!meeting) return { status: 'error', message: REFUSALS.notFound };
    // The end of the chosen day where the meeting takes place.
    const deadline = nominationDeadline ? parseZonedDateTime(nominationDeadline, '23:59', meeting.timeZone) : null;
    if (deadline && !deadline.ok)
      return { status: 'error', code: 'fix', fieldErrors: { nominationDeadline: ['Not a date.'] } };
    const result = await inviteDelegation(staff, meetingId, {
      ...input,
      nominationDeadline: deadline?.ok ? deadline.instant : null,
    });
    if (!result.ok) return { status: 'error', message: REFUSALS[result.reason] };
    revalidatePath(page(meetingId));
    redirect(`${page(meetingId)}?invited=1`);
  },
);

export const setQuotaAction = staffAction(
  {
    name: 'delegations.setQuota',
    role: 'editor',
    bound: z.tuple([z.uuid(), z.uuid()]),
    schema: z.object({
      quota: z.coerce.number().int('A whole number.').min(1, 'At least 1.').max(100, 'At most 100.'),
    }),
  },
  async ({ quota }, { staff, bound: [meetingId, id] }) =>
    outcome(meetingId, await setDelegationQuota(staff, id, quota), 'Quota saved.'),
);

export const reissueLinkAction = staffAction(
  { name: 'delegations.reissueLink', role: 'editor', bound: z.tuple([z.uuid(), z.uuid()]), schema: z.object({}) },
  async (_, { staff, bound: [meetingId, id] }) =>
    outcome(meetingId, await reissueDelegationLink(staff, id), 'A new link was sent; the old one no longer works.'),
);

export const revokeLinkAction = staffAction(
  { name: 'delegations.revokeLink', role: 'editor', bound: z.tuple([z.uuid(), z.uuid()]), schema: z.object({}) },
  async (_, { staff, bound: [meetingId, id] }) =>
    outcome(meetingId, await revokeDelegationLink(staff, id), 'The link no longer works.'),
);

export const setApprovalAction = staffAction(
  {
    name: 'delegations.setApproval',
    role: 'editor',
    bound: z.tuple([z.uuid()]),
    schema: z.object({ approve: z.enum(['on', 'off']) }),
  },
  async ({ approve }, { staff, bound: [meetingId] }) => {
    const result = await setNominationApproval(staff, meetingId, approve === 'on');
    return outcome(
      meetingId,
      result,
      approve === 'on' ? 'Nominations now wait for approval.' : 'Nominations are invited at once.',
    );
  },
);

export const decideNominationAction = staffAction(
  {
    name: 'delegations.decideNomination',
    role: 'editor',
    bound: z.tuple([z.uuid(), z.uuid(), z.enum(['approve', 'reject'])]),
    schema: z.object({}),
  },
  async (_, { staff, bound: [meetingId, memberId, decision] }) =>
    outcome(
      meetingId,
      await decideNomination(staff, memberId, decision === 'approve'),
      decision === 'approve' ? 'Approved: the invitation is on its way.' : 'Rejected.',
    ),
);

export const decideSubstituteAction = staffAction(
  {
    name: 'delegations.decideSubstitute',
    role: 'editor',
    bound: z.tuple([z.uuid(), z.uuid(), z.enum(['accept', 'refuse'])]),
    schema: z.object({}),
  },
  async (_, { staff, bound: [meetingId, proposalId, decision] }) =>
    outcome(
      meetingId,
      await decideSubstitutionAsStaff(staff, meetingId, proposalId, decision === 'accept'),
      decision === 'accept' ? 'Accepted: the substitute is invited.' : 'Refused.',
    ),
);

export const moveMemberAction = staffAction(
  {
    name: 'delegations.moveMember',
    role: 'editor',
    bound: z.tuple([z.uuid(), z.uuid(), z.uuid()]),
    schema: z.object({ direction: z.enum(['up', 'down']) }),
  },
  async ({ direction }, { staff, bound: [meetingId, delegationId, memberId] }) =>
    outcome(
      meetingId,
      await moveDelegationMember(staff, { meetingId, delegationId, memberId, direction }),
      direction === 'up' ? 'Moved up.' : 'Moved down.',
    ),
);
