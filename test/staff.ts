// Test support: the acting staff member that data-access functions take, as a real user row (audit entries and
// sessions refer to it), so tests call db/ directly without a session.
import { randomUUID } from 'node:crypto';
import type { StaffRole, StaffUser } from '@/lib/auth/roles';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';

/** Creates an active staff member with `role` and returns them as data access receives them. */
export async function createStaff(role: StaffRole): Promise<StaffUser> {
  const db = await getDb();
  const email = `${role}-${randomUUID().slice(0, 8)}@council.test`;
  const [user] = await db
    .insert(users)
    .values({ email, name: `Test ${role}`, role })
    .returning();
  return { id: user!.id, email, name: user!.name, role, timeZone: null };
}
