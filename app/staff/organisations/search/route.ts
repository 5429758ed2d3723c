import { searchOrganisations } from '@/db/organisations';
import { AuthorizationError } from '@/lib/auth/roles';
import { refusedStaffRoute } from '@/lib/http';
import { requireStaff } from '@/services/auth/staff';

/** The organisation picker's search (components/people-picker.tsx): `?q=` → up to 20 organisations as JSON. */
export async function GET(request: Request): Promise<Response> {
  try {
    const staff = await requireStaff('viewer');
    const search = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200);
    const results = await searchOrganisations({ actor: staff, search });
    return Response.json({ results }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, '/staff/organisations');
    throw error;
  }
}
