'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addStaff, changeStaffRole, setStaffActive, type StaffChangeResult } from '@/db/staff';
import { staffAction } from '@/services/actions';
import { STAFF_ROLES } from '@/lib/auth/roles';
import type { FormState } from '@/lib/form-state';
import { staffRefusal } from './messages';

const role = z.enum(STAFF_ROLES, 'Choose viewer, editor or admin.');
const staffId = z.tuple([z.uuid()]);

function outcome(result: StaffChangeResult, success: string): FormState {
  if (result.ok) {
    revalidatePath('/staff/team');
    return { status: 'success', message: success };
  }
  return staffRefusal(result);
}

export const addStaffAction = staffAction(
  {
    name: 'team.addStaff',
    role: 'admin',
    schema: z.object({
      name: z.string().trim().min(1, 'Enter their name.').max(200, 'Keep the name under 200 characters.'),
      email: z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.email('Enter a valid email address, like name@example.org.').max(320)),
      role,
    }),
  },
  async (input, { staff }) => {
    const result = await addStaff(staff, input);
    return outcome(result, `${input.name} was added as ${input.role} and has been emailed how to sign in.`);
  },
);

export const changeRoleAction = staffAction(
  { name: 'team.changeRole', role: 'admin', bound: staffId, schema: z.object({ role }) },
  async ({ role }, { staff, bound: [id] }) =>
    outcome(await changeStaffRole(staff, { id, role }), `Role changed to ${role}.`),
);

export const setActiveAction = staffAction(
  {
    name: 'team.setActive',
    role: 'admin',
    bound: staffId,
    schema: z.object({ active: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  },
  async ({ active }, { staff, bound: [id] }) =>
    outcome(
      await setStaffActive(staff, { id, active }),
      active
        ? 'Reactivated: they can sign in again.'
        : 'Deactivated: their sessions have ended and they cannot sign in.',
    ),
);
