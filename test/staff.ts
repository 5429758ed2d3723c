// Test support: the acting staff member that data-access functions take, as a real user row (audit entries and
// sessions refer to it), so tests call db/ directly without a session.
import type { StaffRole, StaffUser } from '@/lib/auth/roles';
import { createUser } from './factories';

/** Creates an active staff member with `role` and returns them as data access receives them. */
export async function createStaff(role: StaffRole): Promise<StaffUser> {
  const user = await createUser({ role });
  return { id: user.id, email: user.email, name: user.name, role, timeZone: user.timeZone };
}
