import { z } from 'zod';
import { generateVisaLetter } from '@/db/visa-letters';
import { assertRole, AuthorizationError } from '@/lib/auth/roles';
import { DOCX_TYPE, PDF_TYPE } from '@/lib/documents/index';
import { refusedStaffRoute } from '@/lib/http';
import { getCurrentStaff } from '@/services/auth/staff';

const notFound = () =>
  new Response('No visa request for this participant.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

const FILE = /^(en|ru)\.(docx|pdf)$/;

/**
 * A participant's visa support letter (`en.pdf`, `ru.docx` …), written now and never stored: admins only, and each one
 * goes to the register and the audit log. The role is checked before the ids, so no one below admin learns which
 * exist.
 */
export async function GET(
  _request: Request,
  { params }: RouteContext<'/staff/meetings/[id]/visa/[invitationId]/[file]'>,
): Promise<Response> {
  const { id, invitationId, file } = await params;
  try {
    const staff = await getCurrentStaff();
    assertRole(staff, 'admin');
    const match = FILE.exec(file);
    if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(invitationId).success || !match) return notFound();
    const [, language, format] = match as unknown as [string, 'en' | 'ru', 'docx' | 'pdf'];
    const letter = await generateVisaLetter({ actor: staff, meetingId: id, invitationId, language });
    if (!letter) return notFound();
    return new Response(new Uint8Array(letter[format]), {
      headers: {
        'Content-Type': format === 'pdf' ? PDF_TYPE : DOCX_TYPE,
        'Content-Disposition': `attachment; filename="${letter.fileName}.${format}"`,
        // Passport details: no cache anywhere may keep a copy.
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, `/staff/meetings/${id}`);
    throw error;
  }
}
