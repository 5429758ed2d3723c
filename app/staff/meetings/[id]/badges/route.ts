import { z } from 'zod';
import { printBadges, type BadgeSelection } from '@/db/badges';
import { assertRole, AuthorizationError } from '@/lib/auth/roles';
import { PDF_TYPE } from '@/lib/documents/index';
import { htmlPage, refusedStaffRoute } from '@/lib/http';
import { getCurrentStaff } from '@/services/auth/staff';

// Printing badges: a form post (it writes new check-in codes and the printed time, so never a GET) answered with the
// PDF itself. A route handler rather than a server action, because the answer is a file.

const form = z.object({
  layout: z.enum(['a4', 'a6']),
  which: z.enum(['all', 'unprinted', 'one']),
  invitationId: z.uuid().optional(),
});

const participantsPage = (id: string) => `/staff/meetings/${id}/participants`;

/** Someone who followed or typed the address: the print form is on the participants page. */
export async function GET(_request: Request, { params }: RouteContext<'/staff/meetings/[id]/badges'>) {
  const { id } = await params;
  try {
    assertRole(await getCurrentStaff(), 'editor');
    return new Response(null, { status: 307, headers: { Location: participantsPage(id) } });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, participantsPage(id));
    throw error;
  }
}

export async function POST(request: Request, { params }: RouteContext<'/staff/meetings/[id]/badges'>) {
  const { id } = await params;
  try {
    const staff = await getCurrentStaff();
    assertRole(staff, 'editor');
    const parsed = z.uuid().safeParse(id).success
      ? form.safeParse(Object.fromEntries(await request.formData().catch(() => new FormData())))
      : null;
    if (!parsed?.success || (parsed.data.which === 'one' && !parsed.data.invitationId)) {
      return htmlPage({
        status: 400,
        title: 'No badges printed',
        body: `<p>Choose which badges and which paper.</p><p><a href="${participantsPage(id)}">Back to the participants</a></p>`,
      });
    }
    const { layout, which, invitationId } = parsed.data;
    const selection: BadgeSelection = which === 'one' ? { kind: 'one', invitationId: invitationId! } : { kind: which };
    const printed = await printBadges({ actor: staff, meetingId: id, selection, layout });
    if (!printed) {
      return htmlPage({
        status: 404,
        title: 'No badges printed',
        body: `<p>Badges are printed for registered participants of a meeting only.</p><p><a href="${participantsPage(id)}">Back to the participants</a></p>`,
      });
    }
    return new Response(new Uint8Array(printed.pdf), {
      headers: {
        'Content-Type': PDF_TYPE,
        'Content-Disposition': `attachment; filename="${printed.fileName}.pdf"`,
        // The codes in it are the badges' keys: no cache may keep them.
        'Cache-Control': 'no-store',
        'X-Badge-Count': String(printed.count),
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, participantsPage(id));
    throw error;
  }
}
