import { searchContacts } from '@/db/contacts';
import { AuthorizationError } from '@/lib/auth/roles';
import { refusedStaffRoute, TYPE_AHEAD_CACHE_CONTROL } from '@/lib/http';
import { requireStaffForReadOnlyRoute } from '@/services/auth/staff';

/**
 * The people picker's search (components/people-picker.tsx): `?q=` → up to 20 contacts as JSON, best matches first.
 * Read-only, so a route handler (GET, cacheable by nobody) rather than an action; the data layer checks the role.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const staff = await requireStaffForReadOnlyRoute('viewer');
    const search = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200);
    const results = await searchContacts({ actor: staff, search });
    return Response.json({ results }, { headers: { 'Cache-Control': TYPE_AHEAD_CACHE_CONTROL } });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, '/staff/contacts');
    throw error;
  }
}
