import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AccessDenied } from '@/components/access-denied';
import { listStaff } from '@/db/staff';
import { roleAtLeast, ROLE_DESCRIPTIONS, STAFF_ROLES } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { addStaffAction, changeRoleAction, setActiveAction } from './actions';
import { AddStaffForm, ChangeRoleForm, SetActiveForm } from './forms';

export const metadata: Metadata = { title: 'Staff' };

export default async function StaffTeamPage() {
  await connection();
  const me = await requireSignedInPage('/staff/team');
  if (!roleAtLeast(me.role, 'admin')) return <AccessDenied needed="admin" />;
  const staff = await listStaff({ actor: me });

  return (
    <>
      <h1 className="text-2xl font-semibold">Staff</h1>
      <p className="mt-1 text-slate-700">Who can sign in to Council Desk, and what each may do.</p>
      <ul className="mt-2 list-inside list-disc text-sm text-slate-700">
        {STAFF_ROLES.map((role) => (
          <li key={role}>{ROLE_DESCRIPTIONS[role]}</li>
        ))}
      </ul>

      <section aria-labelledby="add-staff" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-staff" className="mb-3 text-lg font-semibold">
          Add a staff member
        </h2>
        <AddStaffForm action={addStaffAction} />
      </section>

      <section aria-labelledby="staff-list" className="mt-6">
        <h2 id="staff-list" className="text-lg font-semibold">
          Staff members ({staff.length})
        </h2>
        <TableScroll label="Staff members table">
          <table className="w-full text-left text-sm">
            <TableHead columns={['Name', 'Email', 'Status', 'Role', 'Access']} />
            <tbody>
              {staff.map((member) => {
                const who = member.name ?? member.email;
                return (
                  <tr key={member.id} className="border-t border-slate-200 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {who}
                      {member.id === me.id && <span className="text-slate-700"> (you)</span>}
                    </th>
                    <td className="px-3 py-2">{member.email}</td>
                    <td className="px-3 py-2">{member.active ? 'Active' : 'Deactivated'}</td>
                    <td className="px-3 py-2">
                      <ChangeRoleForm action={changeRoleAction.bind(null, member.id)} current={member.role} who={who} />
                    </td>
                    <td className="px-3 py-2">
                      <SetActiveForm action={setActiveAction.bind(null, member.id)} active={member.active} who={who} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
