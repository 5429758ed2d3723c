import 'server-only';
import { redirect } from 'next/navigation';
import { auth } from './index';
import { roleAtLeast, type StaffRole } from './roles';

export interface StaffUser {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
  /** Their own zone, if they chose one: staff pages show times in it as well as the venue's. */
  timeZone: string | null;
}

export class AuthorizationError extends Error {
  constructor(
    readonly reason: 'unauthenticated' | 'forbidden',
    readonly needed: StaffRole,
  ) {
    super(reason === 'unauthenticated' ? 'Not signed in' : `Needs the ${needed} role`);
    this.name = 'AuthorizationError';
  }
}

/** The signed-in, active staff member of this request, or null. Reads the session (and so the user row) once. */
export async function getCurrentStaff(): Promise<StaffUser | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name ?? null, role: user.role, timeZone: user.timeZone ?? null };
}

/** For data access and actions: the staff member if their role is at least `least`; throws otherwise. */
export async function requireStaff(least: StaffRole): Promise<StaffUser> {
  const staff = await getCurrentStaff();
  assertRole(staff, least);
  return staff;
}

export function assertRole(staff: StaffUser | null, least: StaffRole): asserts staff is StaffUser {
  if (!staff) throw new AuthorizationError('unauthenticated', least);
  if (!roleAtLeast(staff.role, least)) throw new AuthorizationError('forbidden', least);
}

/**
 * For pages: the signed-in staff member, or a redirect to the sign-in page that comes back here. A page whose role
 * is too low renders <AccessDenied> itself; its data functions refuse on their own as well.
 */
export async function requireSignedInPage(returnTo: string): Promise<StaffUser> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/staff/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`);
  return staff;
}
