'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  moveMeetingDocument,
  updateMeetingDocument,
  withdrawMeetingDocument,
  type DocumentChangeResult,
} from '@/db/meeting-documents';
import { DOCUMENT_VISIBILITIES, MEETING_DOCUMENT_KINDS } from '@/lib/meeting-documents';
import type { FormState } from '@/lib/form-state';
import { refreshPublicMeetings } from '@/lib/public-meeting-cache';
import { staffAction } from '@/services/actions';

// Changes to a meeting's documents that carry no file (a file goes through the upload route beside this one).

const meetingAndDocument = z.tuple([z.uuid(), z.uuid()]);

function done(meetingId: string, result: DocumentChangeResult, message: string): FormState {
  if (!result.ok) {
    return {
      status: 'error',
      message:
        result.reason === 'withdrawn'
          ? 'This document has been withdrawn; nothing was changed.'
          : 'This document no longer exists; nothing was changed.',
    };
  }
  revalidatePath(`/staff/meetings/${meetingId}/documents`);
  refreshPublicMeetings();
  return { status: 'success', message };
}

export const moveDocumentAction = staffAction(
  {
    name: 'documents.move',
    role: 'editor',
    bound: meetingAndDocument,
    schema: z.object({ direction: z.enum(['up', 'down'], 'Choose up or down.') }),
  },
  async ({ direction }, { staff, bound: [meetingId, documentId] }) =>
    done(meetingId, await moveMeetingDocument(staff, { meetingId, documentId, direction }), 'Order changed.'),
);

export const withdrawDocumentAction = staffAction(
  { name: 'documents.withdraw', role: 'editor', bound: meetingAndDocument, schema: z.object({}) },
  async (_input, { staff, bound: [meetingId, documentId] }) =>
    done(
      meetingId,
      await withdrawMeetingDocument(staff, { meetingId, documentId }),
      'Document withdrawn: only staff see it now.',
    ),
);

const title = z.string().trim().max(200, 'At most 200 characters.');

export const updateDocumentAction = staffAction(
  {
    name: 'documents.update',
    role: 'editor',
    bound: meetingAndDocument,
    schema: z.object({
      kind: z.enum(MEETING_DOCUMENT_KINDS, 'Choose a type.'),
      visibility: z.enum(DOCUMENT_VISIBILITIES, 'Choose who sees it.'),
      titleEn: title,
      titleRu: title,
    }),
  },
  async (values, { staff, bound: [meetingId, documentId] }) =>
    done(meetingId, await updateMeetingDocument(staff, { meetingId, documentId, ...values }), 'Document saved.'),
);
