'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { setOwnTimeZone } from '@/db/staff';
import { staffAction } from '@/services/actions';
import { isValidTimeZone } from '@/lib/datetime';

export const updateTimeZoneAction = staffAction(
  {
    name: 'profile.updateTimeZone',
    role: 'viewer',
    schema: z.object({
      timeZone: z
        .string()
        .refine((zone) => zone === '' || isValidTimeZone(zone), 'Choose a time zone from the list.')
        .transform((zone) => zone || null),
    }),
  },
  async ({ timeZone }, { staff }) => {
    await setOwnTimeZone(staff, timeZone);
    revalidatePath('/staff', 'layout');
    return {
      status: 'success',
      message: timeZone ? `Times will also be shown in ${timeZone}.` : 'Times will be shown at the venue only.',
    };
  },
);
