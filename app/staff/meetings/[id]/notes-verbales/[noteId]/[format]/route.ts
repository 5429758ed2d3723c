import { z } from 'zod';
import { noteFileName, noteVerbaleFiles } from '@/db/notes-verbales';
import { AuthorizationError } from '@/lib/auth/roles';
import { DOCX_TYPE, PDF_TYPE } from '@/lib/documents/index';
import { refusedStaffRoute } from '@/lib/http';
import { requireStaff } from '@/services/auth/staff';

const notFound = () =>
  new Response('No such note verbale.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/** A registered note verbale as DOCX or PDF, written again from the register (any staff member). */
export async function GET(
  _request: Request,
  { params }: RouteContext<'/staff/meetings/[id]/notes-verbales/[noteId]/[format]'>,
): Promise<Response> {
  const { id, noteId, format } = await params;
  try {
    const staff = await requireStaff('viewer');
    if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(noteId).success) return notFound();
    if (format !== 'docx' && format !== 'pdf') return notFound();
    const files = await noteVerbaleFiles({ actor: staff, meetingId: id, noteId });
    if (!files) return notFound();
    return new Response(new Uint8Array(files[format]), {
      headers: {
        'Content-Type': format === 'pdf' ? PDF_TYPE : DOCX_TYPE,
        'Content-Disposition': `attachment; filename="${noteFileName(files.reference, format)}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, `/staff/meetings/${id}/notes-verbales`);
    throw error;
  }
}
