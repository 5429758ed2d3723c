import { STAFF_ROLES, type StaffRole } from '@/lib/domain';

export { STAFF_ROLES, type StaffRole };

const RANK: Record<StaffRole, number> = { viewer: 1, editor: 2, admin: 3 };

/** Whether `role` may do what `least` may: roles are ordered viewer < editor < admin. */
export function roleAtLeast(role: StaffRole, least: StaffRole): boolean {
  return RANK[role] >= RANK[least];
}

export const ROLE_DESCRIPTIONS: Record<StaffRole, string> = {
  viewer: 'Viewer — reads everything, changes nothing',
  editor: 'Editor — plans meetings and agendas, keeps the roster and contacts',
  admin: 'Admin — everything an editor does, and manages staff and mail',
};

/** The acting staff member: services/auth/staff.ts reads it from the session; data access receives it. */
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

/** Throws an AuthorizationError unless `staff` is someone whose role is at least `least`. */
export function assertRole(staff: StaffUser | null | undefined, least: StaffRole): asserts staff is StaffUser {
  if (!staff) throw new AuthorizationError('unauthenticated', least);
  if (!roleAtLeast(staff.role, least)) throw new AuthorizationError('forbidden', least);
}
