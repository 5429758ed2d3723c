import { z } from 'zod';
import { listParticipants } from '@/db/participants';
import { AuthorizationError } from '@/lib/auth/roles';
import { countryName } from '@/lib/countries';
import { toCsv } from '@/lib/csv';
import { formatDateTime } from '@/lib/datetime';
import {
  ATTENDANCE_MODE_LABELS,
  INVITATION_ROLE_LABELS,
  ORGANISATION_TYPE_LABELS,
  REGISTRATION_STATUS_LABELS,
} from '@/lib/domain';
import { getMeetingInvitationSettings } from '@/db/invitations';
import { csvResponse, refusedStaffRoute } from '@/lib/http';
import { requireStaff } from '@/services/auth/staff';
import { readParticipantFilters } from '../filters';

// The participants list as CSV, with the page's filters: UTF-8 with a BOM so Excel keeps Cyrillic, and cells that
// would start a formula neutralised (lib/csv). Visa details are never in it.
export async function GET(
  request: Request,
  { params }: RouteContext<'/staff/meetings/[id]/participants/export'>,
): Promise<Response> {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return new Response('Not found', { status: 404 });
  try {
    const staff = await requireStaff('viewer');
    const [meeting, rows] = await Promise.all([
      getMeetingInvitationSettings({ actor: staff, meetingId: id }),
      listParticipants({
        actor: staff,
        meetingId: id,
        filters: readParticipantFilters(new URL(request.url).searchParams),
      }),
    ]);
    if (!meeting) return new Response('Not found', { status: 404 });
    const csv = toCsv(
      [
        'Status',
        'Role',
        'Attendance',
        'Registered on',
        'Name',
        'Name as in passport',
        'Title',
        'Organisation',
        'Type of organisation',
        'Country',
        'Email',
        'Phone',
        'Arrival',
        'Departure',
        'Accessibility needs',
        'Dietary needs',
        'In the list of participants',
      ],
      rows.map((r) => [
        REGISTRATION_STATUS_LABELS[r.status],
        INVITATION_ROLE_LABELS[r.role],
        r.attendance ? ATTENDANCE_MODE_LABELS[r.attendance] : '',
        formatDateTime(r.registeredOn, meeting.timeZone, 'en'),
        r.displayName,
        r.passportName,
        r.title,
        r.organisationName,
        r.organisationType ? ORGANISATION_TYPE_LABELS[r.organisationType] : '',
        countryName(r.country, 'en'),
        r.email,
        r.phone,
        r.arrivalDate ?? '',
        r.departureDate ?? '',
        r.accessibilityNeeds,
        r.dietaryNeeds,
        r.listConsent ? 'yes' : 'no',
      ]),
    );
    return csvResponse(csv, 'participants');
  } catch (error) {
    if (error instanceof AuthorizationError) return refusedStaffRoute(error, `/staff/meetings/${id}/participants`);
    throw error;
  }
}
