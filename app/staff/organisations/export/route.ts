import { exportOrganisations } from '@/db/organisations';
import { AuthorizationError } from '@/lib/auth/roles';
import { toCsv } from '@/lib/csv';
import { readOrganisationFilters } from '@/lib/directory-filters';
import { ORGANISATION_TYPE_LABELS } from '@/lib/domain';
import { csvResponse, refusedStaffRoute } from '@/lib/http';
import { requireStaff } from '@/services/auth/staff';

export async function GET(request: Request): Promise<Response> {
  try {
    const staff = await requireStaff('viewer');
    const rows = await exportOrganisations({
      actor: staff,
      ...readOrganisationFilters(new URL(request.url).searchParams),
    });
    const csv = toCsv(
      ['Name', 'Name (Russian)', 'Acronym', 'Acronym (Russian)', 'Type', 'Country', 'Part of', 'Website', 'Notes'],
      rows.map((o) => [
        o.nameEn,
        o.nameRu,
        o.acronym,
        o.acronymRu,
        ORGANISATION_TYPE_LABELS[o.type],
        o.country,
        o.parent,
        o.website,
        o.notes,
      ]),
    );
    return csvResponse(csv, 'organisations');
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, '/staff/organisations');
    throw error;
  }
}
