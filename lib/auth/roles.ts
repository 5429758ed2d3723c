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
