import { invitationDeliveryProgress } from '@/db/invitations';
import { AuthorizationError } from '@/lib/auth/roles';
import { refusedStaffRoute } from '@/lib/http';
import { requireStaffForReadOnlyRoute } from '@/services/auth/staff';

/** The delivery counts DeliveryProgress polls while a bulk send goes out. */
export async function GET(
  _request: Request,
  { params }: RouteContext<'/staff/meetings/[id]/invitations/progress'>,
): Promise<Response> {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return Response.json({ error: 'not found' }, { status: 404 });
  try {
    const staff = await requireStaffForReadOnlyRoute('viewer');
    return Response.json(await invitationDeliveryProgress({ actor: staff, meetingId: id }), {
      headers: { 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, `/staff/meetings/${id}/invitations`);
    throw error;
  }
}
