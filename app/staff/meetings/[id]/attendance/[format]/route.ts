import { z } from 'zod';
import { attendanceCsv, attendanceModel, attendanceRecord } from '@/db/attendance';
import { AuthorizationError } from '@/lib/auth/roles';
import { PDF_TYPE, renderDocument } from '@/lib/documents/index';
import { csvResponse, refusedStaffRoute } from '@/lib/http';
import { requireStaff } from '@/services/auth/staff';

const notFound = () =>
  new Response('No such meeting.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/** The attendance record as CSV (formula-safe, UTF-8 with a BOM) or PDF, for any staff member. */
export async function GET(
  _request: Request,
  { params }: RouteContext<'/staff/meetings/[id]/attendance/[format]'>,
): Promise<Response> {
  const { id, format } = await params;
  try {
    const staff = await requireStaff('viewer');
    if (!z.uuid().safeParse(id).success || (format !== 'csv' && format !== 'pdf')) return notFound();
    const record = await attendanceRecord({ actor: staff, meetingId: id });
    if (!record) return notFound();
    if (format === 'csv') return csvResponse(attendanceCsv(record), 'attendance');
    const { pdf } = await renderDocument(attendanceModel(record, new Date()));
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': PDF_TYPE,
        'Content-Disposition': `attachment; filename="attendance-${new Date().toISOString().slice(0, 10)}.pdf"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, `/staff/meetings/${id}/attendance`);
    throw error;
  }
}
