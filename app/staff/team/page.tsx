import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AccessDenied } from '@/components/access-denied';
import { Card, DataTable, PageHeader, RowHeader, Td, Tr } from '@/components/ui';
import { databaseKind } from '@/db/operations';
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
  const kind = await databaseKind(me);

  return (
    <>
      <PageHeader title="Staff" />
      <p className="mt-1 text-slate-700">Who can sign in to Council Desk, and what each may do.</p>
      <ul className="mt-2 list-inside list-disc text-sm text-slate-700">
        {STAFF_ROLES.map((role) => (
          <li key={role}>{ROLE_DESCRIPTIONS[role]}</li>
        ))}
      </ul>

      <Card as="section" aria-labelledby="add-staff" className="mt-6">
        <h2 id="add-staff" className="mb-3 text-lg font-semibold">
          Add a staff member
        </h2>
        <AddStaffForm action={addStaffAction} />
      </Card>

      <section aria-labelledby="staff-list" className="mt-6">
        <h2 id="staff-list" className="text-lg font-semibold">
          Staff members ({staff.length})
        </h2>
        <DataTable label="Staff members table" columns={['Name', 'Email', 'Status', 'Role', 'Access']}>
          {staff.map((member) => {
            const who = member.name ?? member.email;
            return (
              <Tr key={member.id}>
                <RowHeader>
                  {who}
                  {member.id === me.id && <span className="text-slate-700"> (you)</span>}
                </RowHeader>
                <Td>{member.email}</Td>
                <Td>{member.active ? 'Active' : 'Deactivated'}</Td>
                <Td>
                  <ChangeRoleForm action={changeRoleAction.bind(null, member.id)} current={member.role} who={who} />
                </Td>
                <Td>
                  <SetActiveForm action={setActiveAction.bind(null, member.id)} active={member.active} who={who} />
                </Td>
              </Tr>
            );
          })}
        </DataTable>
      </section>
      <Card as="section" aria-labelledby="backup" className="mt-6">
        <h2 id="backup" className="mb-3 text-lg font-semibold">
          Backup
        </h2>
        {kind === 'pglite' ? (
          <>
            <p className="text-slate-700">
              A consistent copy of the embedded database, taken now (it holds everyone&apos;s personal data; each
              download is recorded). Keep the secrets in the data folder (auth-secret, data-encryption.key) apart from
              it: without them, invitation links and visa details do not work after a restore.
            </p>
            <p className="mt-3">
              <a href="/staff/team/backup" download className="font-medium underline">
                Download a backup of the database
              </a>
            </p>
          </>
        ) : (
          <p className="text-slate-700">
            This instance runs on PostgreSQL: back it up with <code>npm run db:backup</code> (pg_dump) on a machine that
            reaches the database, and keep AUTH_SECRET and DATA_ENCRYPTION_KEY apart from the backups.
          </p>
        )}
      </Card>
    </>
  );
}
