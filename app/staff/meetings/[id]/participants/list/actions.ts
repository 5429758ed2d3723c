'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { releaseParticipantList } from '@/db/participant-list';
import { counted } from '@/lib/counted';
import { staffAction } from '@/services/actions';

export const releaseParticipantListAction = staffAction(
  {
    name: 'participantList.release',
    role: 'editor',
    bound: z.tuple([z.uuid()]),
    // The button says what it releases; nothing else is posted.
    schema: z.object({}),
  },
  async (_input, { staff, bound: [meetingId] }) => {
    const result = await releaseParticipantList({ actor: staff, meetingId });
    if (!result.ok) return { status: 'error', message: 'This meeting no longer exists.' };
    revalidatePath(`/staff/meetings/${meetingId}/participants/list`);
    const { release } = result;
    return {
      status: 'success',
      message: `List released to registered delegates: ${counted(release.entries, 'person', 'people')} ${release.basis === 'attended' ? 'who attended' : 'registered'}.`,
    };
  },
);
