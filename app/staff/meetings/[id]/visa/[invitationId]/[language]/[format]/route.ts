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

/**
 * A participant's visa support letter (`…/en/pdf`, `…/ru/docx`; no dot in the path, which the proxy would take for a
 * static file and pass by), written now and never stored: admins only, and each one
 * goes to the register and the audit log. The role is checked before the ids, so no one below admin learns which
 * exist.
 */
export async function GET(
  _request: Request,
  { params }: RouteContext<'/staff/meetings/[id]/visa/[invitationId]/[language]/[format]'>,
): Promise<Response> {
  const { id, invitationId, language, format } = await params;
  try {
    const staff = await getCurrentStaff();
    assertRole(staff, 'admin');
    if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(invitationId).success) return notFound();
    if ((language !== 'en' && language !== 'ru') || (format !== 'docx' && format !== 'pdf')) return notFound();
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
