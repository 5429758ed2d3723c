import { z } from 'zod';
import { getMailAttachment } from '@/db/mail';
import { AuthorizationError } from '@/lib/auth/roles';
import { refusedStaffRoute } from '@/lib/http';
import { requireStaff } from '@/services/auth/staff';

const notFound = () =>
  new Response('No such attachment.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/** One attachment of a message in the outbox, as it was (or will be) sent: admins only, like the message itself. */
export async function GET(
  _request: Request,
  { params }: RouteContext<'/staff/mail/[id]/attachments/[index]'>,
): Promise<Response> {
  const { id, index } = await params;
  try {
    const staff = await requireStaff('admin');
    if (!z.uuid().safeParse(id).success || !/^\d{1,3}$/.test(index)) return notFound();
    const attachment = await getMailAttachment({ actor: staff, id, index: Number(index) });
    if (!attachment) return notFound();
    // The name is the message's own; quoted, with anything that could break the header taken out.
    const ascii = attachment.filename.replace(/[^\w.-]+/g, '_');
    return new Response(new Uint8Array(Buffer.from(attachment.contentBase64, 'base64')), {
      headers: {
        'Content-Type': attachment.contentType.split(';')[0]!.trim() || 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, `/staff/mail/${id}`);
    throw error;
  }
}
