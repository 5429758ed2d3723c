import { z } from 'zod';
import { findDoorPeople } from '@/db/check-in';
import { AuthorizationError } from '@/lib/auth/roles';
import { refusedStaffRoute, TYPE_AHEAD_CACHE_CONTROL } from '@/lib/http';
import { requireStaffForReadOnlyRoute } from '@/services/auth/staff';

/**
 * The check-in page's search by name, in either script (`?q=`): this meeting's people as JSON, with whether they are
 * in today. Read-only, so a GET; the data layer checks the role (editor, as for checking in).
 */
export async function GET(request: Request, { params }: RouteContext<'/staff/meetings/[id]/check-in/people'>) {
  const { id } = await params;
  try {
    const staff = await requireStaffForReadOnlyRoute('editor');
    if (!z.uuid().safeParse(id).success) return Response.json({ people: [] }, { status: 404 });
    const search = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200);
    const people = await findDoorPeople({ actor: staff, meetingId: id, search });
    return Response.json({ people }, { headers: { 'Cache-Control': TYPE_AHEAD_CACHE_CONTROL } });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, `/staff/meetings/${id}/check-in`);
    throw error;
  }
}
