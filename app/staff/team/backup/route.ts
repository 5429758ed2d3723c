import { embeddedBackup } from '@/db/operations';
import { assertRole, AuthorizationError } from '@/lib/auth/roles';
import { refusedStaffRoute } from '@/lib/http';
import { getCurrentStaff } from '@/services/auth/staff';

// The embedded database's backup, downloaded by an admin from the running app (which alone may open it). Each
// download is in the audit log. `npm run db:restore` puts it back.
export async function GET(): Promise<Response> {
  try {
    const staff = await getCurrentStaff();
    assertRole(staff, 'admin');
    const backup = await embeddedBackup(staff);
    if (!backup.ok) {
      return new Response('This instance runs on PostgreSQL: back it up with npm run db:backup (pg_dump).', {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      });
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return new Response(backup.data.stream(), {
      headers: {
        'Content-Type': 'application/gzip',
        'Content-Length': String(backup.data.size),
        'Content-Disposition': `attachment; filename="council-desk-embedded-${stamp}.tar.gz"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, '/staff/team');
    throw error;
  }
}
