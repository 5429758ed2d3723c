'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { issueNoteVerbaleByStaff, saveNoteReferenceSettings, saveNoteTexts } from '@/db/notes-verbales';
import { staffAction } from '@/services/actions';
import { issueNoteSchema, noteSettingsSchema, noteTextsSchema } from './note-schema';

const page = (meetingId: string) => `/staff/meetings/${meetingId}/notes-verbales`;
const notFound = { status: 'error', message: 'This meeting no longer exists.' } as const;

export const saveNoteTextsAction = staffAction(
  { name: 'notesVerbales.saveTexts', role: 'editor', bound: z.tuple([z.uuid()]), schema: noteTextsSchema },
  async (texts, { staff, bound: [meetingId] }) => {
    const result = await saveNoteTexts(staff, meetingId, texts);
    if (!result.ok) return notFound;
    revalidatePath(page(meetingId));
    return { status: 'success', message: 'Texts saved.' };
  },
);

export const issueNoteAction = staffAction(
  { name: 'notesVerbales.issue', role: 'editor', bound: z.tuple([z.uuid()]), schema: issueNoteSchema },
  async ({ language, addressee, quota, deadline }, { staff, bound: [meetingId] }) => {
    const result = await issueNoteVerbaleByStaff(staff, meetingId, {
      language,
      addressee,
      quota,
      // The end of the day the deadline names, wherever the reader is: a nomination that day is in time.
      nominationDeadline: deadline ? new Date(`${deadline}T23:59:59Z`) : null,
    });
    if (!result.ok) return notFound;
    revalidatePath(page(meetingId));
    return { status: 'success', message: `Note verbale ${result.reference} issued: download it from the register.` };
  },
);

export const saveNoteSettingsAction = staffAction(
  { name: 'notesVerbales.saveSettings', role: 'admin', bound: z.tuple([z.uuid()]), schema: noteSettingsSchema },
  async (settings, { staff, bound: [meetingId] }) => {
    const result = await saveNoteReferenceSettings(staff, meetingId, settings);
    if (!result.ok) return notFound;
    revalidatePath(page(meetingId));
    return { status: 'success', message: 'Reference prefix and place saved.' };
  },
);
