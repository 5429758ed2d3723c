import 'server-only';
import { redirect } from 'next/navigation';
import { assertRole, type StaffRole, type StaffUser } from '@/lib/auth/roles';
import { auth } from './index';
import { sessionCookieUser } from './session-cookie';

/** The signed-in, active staff member of this request, or null. Reads the session (and so the user row) once. */
export async function getCurrentStaff(): Promise<StaffUser | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name ?? null, role: user.role, timeZone: user.timeZone ?? null };
}

/** For actions and route handlers: the staff member if their role is at least `least`; throws otherwise. */
export async function requireStaff(least: StaffRole): Promise<StaffUser> {
  const staff = await getCurrentStaff();
  assertRole(staff, least);
  return staff;
}

/**
 * As `requireStaff`, for read-only route handlers called many times a minute from a staff page (searches as one
 * types, progress polls): the session cookie checked in one query (see `sessionCookieUser`), same roles, same
 * "a deactivated account is out at once". Never for anything that writes.
 */
export async function requireStaffForReadOnlyRoute(least: StaffRole): Promise<StaffUser> {
  const staff = await sessionCookieUser();
  assertRole(staff, least);
  return staff;
}

/**
 * For pages: the signed-in staff member, or a redirect to the sign-in page that comes back here. A page whose role
 * is too low renders <AccessDenied> itself; the data functions it calls with this staff member refuse on their own
 * as well.
 */
export async function requireSignedInPage(returnTo: string): Promise<StaffUser> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/staff/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`);
  return staff;
}
