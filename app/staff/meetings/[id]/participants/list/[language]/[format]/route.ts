import { z } from 'zod';
import { draftParticipantList, listFileName, releasedParticipantListFile } from '@/db/participant-list';
import { getMeetingInvitationSettings } from '@/db/invitations';
import { AuthorizationError } from '@/lib/auth/roles';
import { DOCX_TYPE, PDF_TYPE } from '@/lib/documents/index';
import { refusedStaffRoute } from '@/lib/http';
import { requireStaff } from '@/services/auth/staff';

const notFound = () =>
  new Response('No such list of participants.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/**
 * The list of participants as DOCX or PDF in one language (any staff member): the draft as it stands, or with
 * `?released` the version delegates see.
 */
export async function GET(
  request: Request,
  { params }: RouteContext<'/staff/meetings/[id]/participants/list/[language]/[format]'>,
): Promise<Response> {
  const { id, language, format } = await params;
  try {
    const staff = await requireStaff('viewer');
    if (!z.uuid().safeParse(id).success) return notFound();
    if ((format !== 'docx' && format !== 'pdf') || (language !== 'en' && language !== 'ru')) return notFound();
    let file: Buffer;
    let name: string;
    if (new URL(request.url).searchParams.has('released')) {
      // Staff's rights to the meeting are checked before a release is read.
      if (!(await getMeetingInvitationSettings({ actor: staff, meetingId: id }))) return notFound();
      const released = await releasedParticipantListFile(id, language, format);
      if (!released) return notFound();
      file = released.file;
      name = listFileName(language, format, released.releasedAt);
    } else {
      const draft = await draftParticipantList({ actor: staff, meetingId: id, language });
      if (!draft) return notFound();
      file = draft[format];
      name = `draft-${listFileName(language, format, new Date())}`;
    }
    return new Response(new Uint8Array(file), {
      headers: {
        'Content-Type': format === 'pdf' ? PDF_TYPE : DOCX_TYPE,
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, `/staff/meetings/${id}/participants/list`);
    throw error;
  }
}
