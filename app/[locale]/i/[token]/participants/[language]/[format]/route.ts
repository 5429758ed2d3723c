import { listFileName, meetingForListDownload, releasedParticipantListFile } from '@/db/participant-list';
import { DOCX_TYPE, PDF_TYPE } from '@/lib/documents/index';

// A registered delegate's download of the released list of participants: their invitation link is the key, as for
// their invitation page. The answer never says whether the link or the list is what is missing.
const notFound = () =>
  new Response('Not found. · Не найдено.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

export async function GET(
  _request: Request,
  { params }: RouteContext<'/[locale]/i/[token]/participants/[language]/[format]'>,
): Promise<Response> {
  const { token, language, format } = await params;
  if ((format !== 'docx' && format !== 'pdf') || (language !== 'en' && language !== 'ru')) return notFound();
  const meetingId = await meetingForListDownload(token);
  if (!meetingId) return notFound();
  const released = await releasedParticipantListFile(meetingId, language, format);
  if (!released) return notFound();
  return new Response(new Uint8Array(released.file), {
    headers: {
      'Content-Type': format === 'pdf' ? PDF_TYPE : DOCX_TYPE,
      'Content-Disposition': `attachment; filename="${listFileName(language, format, released.releasedAt)}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
