'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  addAgendaItem,
  getAgendaItemTimeZone,
  moveAgendaItem,
  removeAgendaItem,
  setAgendaPublished,
  updateAgendaItem,
  type AgendaChangeResult,
  type AgendaValues,
} from '@/db/agenda';
import {
  changeMeetingStatus,
  getMeetingTimeZone,
  createMeeting,
  duplicateMeeting,
  linkOrganisation,
  moveOrganisation,
  unlinkOrganisation,
  updateMeeting,
  type MeetingChangeResult,
} from '@/db/meetings';
import { refreshPublicMeetings } from '@/lib/public-meeting-cache';
import { staffAction } from '@/services/actions';
import { agendaRefusal, meetingRefusal } from './messages';
import { parseZonedDateTime } from '@/lib/datetime';
import { AGENDA_ITEM_KINDS, MEETING_STATUSES, ORGANISATION_ROLES } from '@/lib/domain';
import type { FormState } from '@/lib/form-state';
import { duplicateFormSchema, meetingSubmissionSchema } from '@/lib/schemas/meeting';

const meetingId = z.tuple([z.uuid()]);
const meetingAndOrganisation = z.tuple([z.uuid(), z.uuid()]);

function done(result: MeetingChangeResult, message: string): FormState {
  if (!result.ok) return meetingRefusal(result);
  revalidatePath(`/staff/meetings/${result.id}`);
  revalidatePath('/staff');
  refreshPublicMeetings();
  return { status: 'success', message };
}

export const createMeetingAction = staffAction(
  { name: 'meetings.create', role: 'editor', schema: meetingSubmissionSchema },
  async (values, { staff }) => {
    const result = await createMeeting(staff, values);
    if (!result.ok) return meetingRefusal(result);
    revalidatePath('/staff');
    redirect(`/staff/meetings/${result.id}`);
  },
);

export const updateMeetingAction = staffAction(
  { name: 'meetings.update', role: 'editor', bound: meetingId, schema: meetingSubmissionSchema },
  async (values, { staff, bound: [id] }) => {
    const result = await updateMeeting(staff, id, values);
    if (!result.ok) return meetingRefusal(result);
    revalidatePath('/staff');
    refreshPublicMeetings();
    redirect(`/staff/meetings/${id}`);
  },
);

export const changeMeetingStatusAction = staffAction(
  {
    name: 'meetings.changeStatus',
    role: 'editor',
    bound: meetingId,
    schema: z.object({ to: z.enum(MEETING_STATUSES, 'Choose a status.') }),
  },
  async ({ to }, { staff, bound: [id] }) => done(await changeMeetingStatus(staff, id, to), 'Status changed.'),
);

export const duplicateMeetingAction = staffAction(
  { name: 'meetings.duplicate', role: 'editor', bound: meetingId, schema: duplicateFormSchema },
  async (change, { staff, bound: [id] }) => {
    const result = await duplicateMeeting(staff, id, change);
    if (!result.ok) return meetingRefusal(result);
    revalidatePath('/staff');
    redirect(`/staff/meetings/${result.id}?duplicated=1`);
  },
);

export const linkOrganisationAction = staffAction(
  {
    name: 'meetings.linkOrganisation',
    role: 'editor',
    bound: meetingId,
    schema: z.object({
      organisationId: z.uuid('Choose an organisation.'),
      role: z.enum(ORGANISATION_ROLES, 'Choose a role.'),
    }),
  },
  async (input, { staff, bound: [id] }) =>
    done(await linkOrganisation(staff, { meetingId: id, ...input }), 'Organisations updated.'),
);

export const moveOrganisationAction = staffAction(
  {
    name: 'meetings.moveOrganisation',
    role: 'editor',
    bound: meetingAndOrganisation,
    schema: z.object({ direction: z.enum(['up', 'down'], 'Choose up or down.') }),
  },
  async ({ direction }, { staff, bound: [id, organisationId] }) =>
    done(await moveOrganisation(staff, { meetingId: id, organisationId, direction }), 'Order changed.'),
);

export const unlinkOrganisationAction = staffAction(
  { name: 'meetings.unlinkOrganisation', role: 'editor', bound: meetingAndOrganisation, schema: z.object({}) },
  async (_input, { staff, bound: [id, organisationId] }) =>
    done(await unlinkOrganisation(staff, { meetingId: id, organisationId }), 'Organisation removed from the meeting.'),
);

// ── Agenda ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** The most people one role of an item takes (a side meeting's participants are the longest list). */
const MAX_AGENDA_PEOPLE = 50;

// In the order chosen (the people picker posts them so): the order is stored.
const contactIds = z.preprocess(
  (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.uuid('Choose people from the list.'))
    .max(MAX_AGENDA_PEOPLE, `At most ${MAX_AGENDA_PEOPLE} people.`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each person can be chosen once.'),
);

function agendaDone(result: AgendaChangeResult, message: string): FormState {
  if (!result.ok) return agendaRefusal(result);
  revalidatePath(`/staff/meetings/${result.meetingId}`);
  refreshPublicMeetings();
  return { status: 'success', message };
}

const MAX_DESCRIPTION = 5000;
const descriptionTooLong = `At most ${MAX_DESCRIPTION.toLocaleString('en')} characters.`;

// A room's name is plain text on every page: markup in it is refused rather than shown as code.
const roomName = z
  .string()
  .trim()
  .max(200, 'At most 200 characters.')
  .refine((room) => !/[<>]/.test(room), 'A room name cannot contain < or >.')
  .transform((room) => room || null)
  .default('');

const agendaItemSchema = z.object({
  kind: z.enum(AGENDA_ITEM_KINDS, 'Choose the kind of item.'),
  date: z.iso.date('Enter the day of the item.'),
  startTime: z.string().regex(/^\d{2}:\d{2}$/, 'Enter the start time, like 09:30.'),
  endTime: z.string().regex(/^\d{2}:\d{2}$/, 'Enter the end time, like 10:00.'),
  titleEn: z.string().trim().min(1, 'Enter the title in English.').max(300),
  titleRu: z.string().trim().min(1, 'Enter the title in Russian.').max(300),
  // Markdown, several paragraphs: rendered and sanitised where shown (components/meeting-programme).
  descriptionEn: z.string().trim().max(MAX_DESCRIPTION, descriptionTooLong).default(''),
  descriptionRu: z.string().trim().max(MAX_DESCRIPTION, descriptionTooLong).default(''),
  room: roomName,
  roomRu: roomName,
  speakers: contactIds,
  moderators: contactIds,
  participants: contactIds,
});

/** The form's wall-clock day and times at the venue as instants, with its people; or the errors to show. */
function resolveAgendaItem(input: z.output<typeof agendaItemSchema>, timeZone: string): AgendaValues | FormState {
  const start = parseZonedDateTime(input.date, input.startTime, timeZone);
  const end = parseZonedDateTime(input.date, input.endTime, timeZone);
  const fieldErrors: Record<string, string[]> = {};
  if (!start.ok) fieldErrors.startTime = ['This time does not exist at the venue that day.'];
  if (!end.ok) fieldErrors.endTime = ['This time does not exist at the venue that day.'];
  if (start.ok && end.ok && end.instant <= start.instant) fieldErrors.endTime = ['The item must end after it starts.'];
  if (!start.ok || !end.ok || Object.keys(fieldErrors).length) {
    return { status: 'error', code: 'fix', fieldErrors };
  }
  return {
    kind: input.kind,
    startsAt: start.instant,
    endsAt: end.instant,
    titleEn: input.titleEn,
    titleRu: input.titleRu,
    descriptionEn: input.descriptionEn,
    descriptionRu: input.descriptionRu,
    room: input.room,
    roomRu: input.roomRu,
    people: [
      ...input.speakers.map((contactId) => ({ contactId, role: 'speaker' as const })),
      ...input.moderators.map((contactId) => ({ contactId, role: 'moderator' as const })),
      ...input.participants.map((contactId) => ({ contactId, role: 'participant' as const })),
    ],
  };
}

export const addAgendaItemAction = staffAction(
  { name: 'meetings.addAgendaItem', role: 'editor', bound: meetingId, schema: agendaItemSchema },
  async (input, { staff, bound: [id] }) => {
    const timeZone = await getMeetingTimeZone({ actor: staff, id });
    if (!timeZone) return { status: 'error', message: 'That meeting no longer exists.' };
    const values = resolveAgendaItem(input, timeZone);
    if ('status' in values) return values;
    return agendaDone(await addAgendaItem(staff, id, values), `“${input.titleEn}” added to the agenda.`);
  },
);

const itemId = z.tuple([z.uuid()]);

export const moveAgendaItemAction = staffAction(
  {
    name: 'meetings.moveAgendaItem',
    role: 'editor',
    bound: itemId,
    schema: z.object({ direction: z.enum(['up', 'down'], 'Choose up or down.') }),
  },
  async ({ direction }, { staff, bound: [id] }) =>
    agendaDone(await moveAgendaItem(staff, id, direction), 'Agenda reordered.'),
);

export const updateAgendaItemAction = staffAction(
  { name: 'meetings.updateAgendaItem', role: 'editor', bound: itemId, schema: agendaItemSchema },
  async (input, { staff, bound: [id] }) => {
    const timeZone = await getAgendaItemTimeZone({ actor: staff, id });
    if (!timeZone) return { status: 'error', message: 'That agenda item no longer exists.' };
    const values = resolveAgendaItem(input, timeZone);
    if ('status' in values) return values;
    return agendaDone(await updateAgendaItem(staff, id, values), `“${input.titleEn}” saved.`);
  },
);

export const removeAgendaItemAction = staffAction(
  { name: 'meetings.removeAgendaItem', role: 'editor', bound: itemId, schema: z.object({}) },
  async (_input, { staff, bound: [id] }) =>
    agendaDone(await removeAgendaItem(staff, id), 'Item removed from the agenda.'),
);

export const setAgendaPublishedAction = staffAction(
  {
    name: 'meetings.setAgendaPublished',
    role: 'editor',
    bound: meetingId,
    schema: z.object({ published: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  },
  async ({ published }, { staff, bound: [id] }) =>
    agendaDone(
      await setAgendaPublished(staff, id, published),
      published ? 'The agenda is published: delegates will see it.' : 'The agenda is internal again.',
    ),
);
