'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { retryFailedMail } from '@/db/mail';
import { staffAction } from '@/services/actions';

export const retryMailAction = staffAction(
  { name: 'mail.retry', role: 'admin', bound: z.tuple([z.uuid()]), schema: z.object({}) },
  async (_input, { staff, bound: [id] }) => {
    if (!(await retryFailedMail(staff, { id }))) {
      return { status: 'error', message: 'Only a failed message can be retried; this one is not failed (any more).' };
    }
    revalidatePath(`/staff/mail/${id}`);
    revalidatePath('/staff/mail');
    return { status: 'success', message: 'Queued again: the worker will try to deliver it shortly.' };
  },
);
