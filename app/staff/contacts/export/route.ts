import { exportContacts } from '@/db/contacts';
import { AuthorizationError } from '@/lib/auth/roles';
import { CONTACT_FIELDS, IMPORT_FIELD_LABELS } from '@/lib/contact-import';
import { toCsv } from '@/lib/csv';
import { readContactFilters } from '@/lib/directory-filters';
import { csvResponse, refusedStaffRoute } from '@/lib/http';
import { requireStaff } from '@/services/auth/staff';

/** The contacts the list shows (same filters), as CSV with the importer's own headers: export → import is lossless. */
export async function GET(request: Request): Promise<Response> {
  try {
    const staff = await requireStaff('viewer');
    const rows = await exportContacts({ actor: staff, ...readContactFilters(new URL(request.url).searchParams) });
    const csv = toCsv(
      CONTACT_FIELDS.map((field) => IMPORT_FIELD_LABELS[field]),
      rows.map((c) =>
        CONTACT_FIELDS.map((field) => {
          const value = c[field];
          return Array.isArray(value) ? value.join(', ') : value;
        }),
      ),
    );
    return csvResponse(csv, 'contacts');
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, '/staff/contacts');
    throw error;
  }
}
