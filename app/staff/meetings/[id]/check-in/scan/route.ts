import { z } from 'zod';
import { checkIn } from '@/db/check-in';
import { assertRole, AuthorizationError } from '@/lib/auth/roles';
import { refusedStaffRoute } from '@/lib/http';
import { getCurrentStaff } from '@/services/auth/staff';

// The check-in page's scans, as JSON (the page's script posts here, and its offline queue sends its waiting scans
// here when the connection returns). The proxy has already refused a post from another origin; the data layer
// checks the role again.

const scan = z
  .object({
    code: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/)
      .optional(),
    invitationId: z.uuid().optional(),
    deviceKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  })
  .refine((s) => Boolean(s.code) !== Boolean(s.invitationId), { message: 'Send a code or an invitationId.' });

const page = (id: string) => `/staff/meetings/${id}/check-in`;
const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

/** Someone who followed or typed the address: scanning happens on the check-in page. */
export async function GET(_request: Request, { params }: RouteContext<'/staff/meetings/[id]/check-in/scan'>) {
  const { id } = await params;
  try {
    assertRole(await getCurrentStaff(), 'editor');
    return new Response(null, { status: 307, headers: { Location: page(id) } });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, page(id));
    throw error;
  }
}

export async function POST(request: Request, { params }: RouteContext<'/staff/meetings/[id]/check-in/scan'>) {
  const { id } = await params;
  const staff = await getCurrentStaff();
  if (!staff) return json({ error: 'unauthenticated' }, 401);
  try {
    assertRole(staff, 'editor');
  } catch (error) {
    if (error instanceof AuthorizationError) return json({ error: 'forbidden', needs: 'editor' }, 403);
    throw error;
  }
  if (!z.uuid().safeParse(id).success) return json({ error: 'notFound' }, 404);
  const body: unknown = await request.json().catch(() => null);
  const parsed = scan.safeParse(body);
  if (!parsed.success) return json({ error: 'invalid' }, 400);
  const { code, invitationId, deviceKey } = parsed.data;
  const answer = await checkIn({
    actor: staff,
    meetingId: id,
    target: code ? { code } : { invitationId: invitationId! },
    deviceKey,
  });
  return json(answer);
}
