import { searchOrganisations } from '@/db/organisations';
import { AuthorizationError } from '@/lib/auth/roles';
import { refusedStaffRoute, TYPE_AHEAD_CACHE_CONTROL } from '@/lib/http';
import { requireStaffForReadOnlyRoute } from '@/services/auth/staff';

/** The organisation picker's search (components/people-picker.tsx): `?q=` → up to 20 organisations as JSON. */
export async function GET(request: Request): Promise<Response> {
  try {
    const staff = await requireStaffForReadOnlyRoute('viewer');
    const search = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200);
    const results = await searchOrganisations({ actor: staff, search });
    return Response.json({ results }, { headers: { 'Cache-Control': TYPE_AHEAD_CACHE_CONTROL } });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, '/staff/organisations');
    throw error;
  }
}
