import { z } from 'zod';
import { exportPersonData } from '@/db/participants';
import { assertRole, AuthorizationError } from '@/lib/auth/roles';
import { getCurrentStaff } from '@/services/auth/staff';
import { refusedStaffRoute } from '@/lib/http';

// Everything held about one person, as a JSON file: the answer to a request for their data. Admins only, and
// exportPersonData logs each export. The role is checked before the id, so that no one
// below admin learns which ids exist.
export async function GET(_request: Request, { params }: RouteContext<'/staff/contacts/[id]/data'>): Promise<Response> {
  const { id } = await params;
  const notFound = () =>
    new Response('No such contact.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  try {
    const staff = await getCurrentStaff();
    assertRole(staff, 'admin');
    if (!z.uuid().safeParse(id).success) return notFound();
    const data = await exportPersonData(staff, id);
    if (!data) return notFound();
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="personal-data-${id}-${new Date().toISOString().slice(0, 10)}.json"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) {
      return refusedStaffRoute(error, z.uuid().safeParse(id).success ? `/staff/contacts/${id}` : '/staff/contacts');
    }
    throw error;
  }
}
