'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  addRegistrationNote,
  cancelOnBehalf,
  correctRegistration,
  promoteFromWaitlist,
  registerOnBehalf,
} from '@/db/staff-registrations';
import type { FormState } from '@/lib/form-state';
import { registrationSchema, VISA_FIELDS } from '@/lib/schemas/registration';
import { staffAction } from '@/services/actions';

const list = (meetingId: string) => `/staff/meetings/${meetingId}/participants`;
const person = (meetingId: string, invitationId: string) => `${list(meetingId)}/${invitationId}`;
const ids = z.tuple([z.uuid(), z.uuid()]);

const REFUSALS: Record<string, string> = {
  notFound: 'This invitation or registration no longer exists.',
  revoked: 'This invitation was revoked: invite the person again first.',
  already: 'This person is registered already (or on the waiting list): correct their registration instead.',
  closed: 'Registrations are closed: the meeting has started, or is not open (draft, held or cancelled).',
  ended: 'The meeting has ended: its registrations can no longer be corrected.',
  started: 'The meeting has started: its seats can no longer change.',
  notActive: 'This registration is not active (cancelled or lapsed): nothing was changed.',
  notWaiting: 'This person is not on the waiting list.',
  full: 'No seat is free: every seat is taken by a registered participant. Nothing was changed.',
};
const refused = (reason: string): FormState => ({ status: 'error', message: REFUSALS[reason] ?? REFUSALS.notFound });

/** The data layer's checks of a field (attendance, visa), as the form shows them: beside the field. */
const visaRefusal = (reason: string): FormState | null =>
  reason === 'attendance'
    ? { status: 'error', code: 'fix', fieldErrors: { attendance: ['attendance'] } }
    : reason === 'visaNotAsked'
      ? { status: 'error', code: 'fix', fieldErrors: { nationality: ['visaNotAsked'] } }
      : reason === 'passportExpiry'
        ? { status: 'error', code: 'fix', fieldErrors: { passportExpiry: ['passportExpiry'] } }
        : null;

export const registerOnBehalfAction = staffAction(
  {
    name: 'participants.registerOnBehalf',
    role: 'editor',
    bound: ids,
    schema: registrationSchema,
    secretFields: [...VISA_FIELDS],
  },
  async (input, { staff, bound: [meetingId, invitationId] }) => {
    const result = await registerOnBehalf(staff, { meetingId, invitationId, input });
    if (!result.ok) return visaRefusal(result.reason) ?? refused(result.reason);
    revalidatePath(list(meetingId));
    redirect(`${person(meetingId, invitationId)}?done=${result.outcome}`);
  },
);

/** Consent to the processing stays as the delegate gave it when they registered: the correction form has no box. */
const correctionSchema = z.preprocess(
  (value) => (value && typeof value === 'object' ? { ...value, dataConsent: 'on' } : value),
  registrationSchema,
);

export const correctRegistrationAction = staffAction(
  {
    name: 'participants.correct',
    role: 'editor',
    bound: ids,
    schema: correctionSchema,
    secretFields: [...VISA_FIELDS],
  },
  async (input, { staff, bound: [meetingId, invitationId] }) => {
    const result = await correctRegistration(staff, { meetingId, invitationId, input });
    if (!result.ok) return visaRefusal(result.reason) ?? refused(result.reason);
    revalidatePath(list(meetingId));
    redirect(`${person(meetingId, invitationId)}?done=${result.changed.length ? 'corrected' : 'unchanged'}`);
  },
);

export const cancelRegistrationAction = staffAction(
  { name: 'participants.cancel', role: 'editor', bound: ids, schema: z.object({}) },
  async (_, { staff, bound: [meetingId, invitationId] }) => {
    const result = await cancelOnBehalf(staff, { meetingId, invitationId });
    if (!result.ok) return refused(result.reason);
    revalidatePath(list(meetingId));
    // The seat's controls go with the registration: the outcome is said at the top of the page.
    redirect(`${person(meetingId, invitationId)}?done=cancelled`);
  },
);

export const promoteAction = staffAction(
  { name: 'participants.promote', role: 'editor', bound: ids, schema: z.object({}) },
  async (_, { staff, bound: [meetingId, invitationId] }) => {
    const result = await promoteFromWaitlist(staff, { meetingId, invitationId });
    if (!result.ok) return refused(result.reason);
    revalidatePath(list(meetingId));
    redirect(`${person(meetingId, invitationId)}?done=${result.withdrewOfferFrom ? 'seatedInstead' : 'seated'}`);
  },
);

export const addNoteAction = staffAction(
  {
    name: 'participants.addNote',
    role: 'editor',
    bound: ids,
    schema: z.object({
      note: z
        .string('Write the note.')
        .trim()
        .min(1, 'Write the note.')
        .max(2000, 'Please keep the note under 2,000 characters.'),
    }),
  },
  async ({ note }, { staff, bound: [meetingId, invitationId] }) => {
    const result = await addRegistrationNote(staff, { meetingId, invitationId, body: note });
    if (!result.ok) return refused(result.reason);
    revalidatePath(person(meetingId, invitationId));
    return { status: 'success', message: 'Note added.' };
  },
);
