import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { Card, PageHeader } from '@/components/ui';
import { listContacts, listContactTags } from '@/db/contacts';
import { listCouncils } from '@/db/councils';
import {
  countAnswers,
  getMeetingInvitationSettings,
  invitationDeliveryProgress,
  listFollowUp,
  pendingMeetingUpdate,
  previewBulk,
  previewRecipients,
} from '@/db/invitations';
import { listWorkingGroupChoices } from '@/db/meetings';
import { getOrganisationChoices } from '@/db/organisations';
import { pickerFallback, pickerState } from '@/services/people-picker';
import { roleAtLeast, type StaffUser } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryOptions } from '@/lib/countries';
import { formatDateTime } from '@/lib/datetime';
import { invitationEmail, placeholderValues, templateText } from '@/lib/mail/invitation-email';
import { invitePreviewSchema } from '@/lib/schemas/invitation-selection';
import { BULK_ACTIONS, bulkSelectionSchema, readFollowUpQuery, type BulkAction } from '@/lib/invitation-follow-up';
import { saveTextsAction } from './actions';
import { DeliveryProgress } from './delivery-progress';
import { FollowUp, type Confirmation } from './follow-up';
import { InviteForm } from './invite-form';
import { TextsEditor } from './texts-editor';
import { PageNotice } from '@/components/form-status';

export const metadata: Metadata = { title: 'Invitations' };

export default async function InvitationsPage({ params, searchParams }: PageProps<'/staff/meetings/[id]/invitations'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/invitations`);
  const meeting = z.uuid().safeParse(id).success
    ? await getMeetingInvitationSettings({ actor: staff, meetingId: id })
    : null;
  if (!meeting) notFound();
  const canEdit = roleAtLeast(staff.role, 'editor');
  const query = await searchParams;
  // The invite form below shares this URL and names some of the same parameters (q, country, role) for whom to
  // invite: while it is in use (`by` is its field), they are its, and the list is shown unfiltered.
  const followUpQuery = readFollowUpQuery(typeof query.by === 'string' ? {} : query);
  // A row's menu asks for its action on that row alone (`one=revoke:<id>`); the bar below the filters, on the ticked
  // rows or all matching (`bulk=revoke`).
  const one = typeof query.one === 'string' ? /^(remind|resend|reissue|revoke):(.+)$/.exec(query.one) : null;
  const asked = one ? one[1] : query.bulk;
  const bulk = canEdit && BULK_ACTIONS.includes(asked as BulkAction) ? (asked as BulkAction) : null;
  const selected = one ? { ...query, id: one[2], all: undefined } : query;
  const [list, answers, progress, update, confirmation] = await Promise.all([
    listFollowUp({ actor: staff, meetingId: id, query: followUpQuery }),
    countAnswers({ actor: staff, meetingId: id }),
    invitationDeliveryProgress({ actor: staff, meetingId: id }),
    pendingMeetingUpdate({ actor: staff, meetingId: id }),
    bulk ? confirmBulk(staff, id, bulk, selected) : null,
  ]);
  const done =
    BULK_ACTIONS.includes(query.done as BulkAction) && typeof query.n === 'string' && /^\d+$/.test(query.n)
      ? { action: query.done as BulkAction, count: Number(query.n) }
      : null;
  const zone = meeting.timeZone;
  const countries = countryOptions('en');

  return (
    <>
      <PageHeader back={{ href: `/staff/meetings/${id}`, label: `← ${meeting.titleEn}` }} title="Invitations" />
      <p className="text-sm">
        <Link href={`/staff/meetings/${id}/participants`}>
          Participants: registrations, waiting list, counts and CSV
        </Link>
      </p>
      <p className="mt-1 text-slate-700">
        {meeting.titleEn} · answers until{' '}
        {meeting.registrationDeadline
          ? formatDateTime(meeting.registrationDeadline, zone, 'en')
          : `the start, ${formatDateTime(meeting.startsAt, zone, 'en')}`}
      </p>
      {typeof query.sent === 'string' && /^\d+$/.test(query.sent) && (
        <PageNotice className="mt-3">
          {query.sent} invitation{query.sent === '1' ? '' : 's'} queued for sending.
        </PageNotice>
      )}
      {/* Keyed by the counts: a new render of the page (after a send) starts it from the new figures. */}
      <DeliveryProgress key={JSON.stringify(progress)} meetingId={id} initial={progress} />

      <FollowUp
        meetingId={id}
        canEdit={canEdit}
        zone={zone}
        query={followUpQuery}
        list={list}
        answers={answers}
        countries={countries}
        update={update}
        confirmation={confirmation}
        done={done}
      />

      {canEdit && (
        <>
          <InviteSection
            staff={staff}
            meetingId={id}
            query={typeof query.by === 'string' ? query : {}}
            countries={countries}
            meeting={meeting}
          />
          <Card as="section" aria-labelledby="texts" className="mt-8">
            <h2 id="texts" className="mb-3 text-lg font-semibold">
              Invitation and reminder texts
            </h2>
            <TextsEditor
              action={saveTextsAction.bind(null, id)}
              texts={{
                invitationTextEn: templateText(meeting, 'invitation', 'en'),
                invitationTextRu: templateText(meeting, 'invitation', 'ru'),
                reminderTextEn: templateText(meeting, 'reminder', 'en'),
                reminderTextRu: templateText(meeting, 'reminder', 'ru'),
              }}
              samples={{
                en: placeholderValues(meeting, 'en', 'Aidana Jumaeva', 'delegate'),
                ru: placeholderValues(meeting, 'ru', 'Ержан Ахметов', 'delegate'),
              }}
              autoReminderDays={meeting.autoReminderDays}
            />
          </Card>
        </>
      )}
    </>
  );
}

/** The confirmation view of a bulk action: the selection from the URL, and what confirming it would do. */
async function confirmBulk(
  staff: StaffUser,
  meetingId: string,
  action: BulkAction,
  query: Record<string, string | string[] | undefined>,
): Promise<Confirmation> {
  const parsed = bulkSelectionSchema.safeParse(query);
  if (!parsed.success)
    return { action, error: z.flattenError(parsed.error).fieldErrors.id?.[0] ?? 'That selection could not be read.' };
  const preview = await previewBulk({ actor: staff, meetingId, action, selection: parsed.data });
  return { action, selection: parsed.data, preview };
}

async function InviteSection({
  staff,
  meetingId,
  query,
  countries,
  meeting,
}: {
  staff: StaffUser;
  meetingId: string;
  query: Record<string, string | string[] | undefined>;
  countries: { code: string; name: string }[];
  meeting: NonNullable<Awaited<ReturnType<typeof getMeetingInvitationSettings>>>;
}) {
  const by = typeof query.by === 'string' ? query.by : 'contacts';
  const search = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
  const chosenOrganisation = typeof query.organisationId === 'string' ? query.organisationId : '';
  const [councils, groups, organisationPicker, currentOrganisation, tags, found] = await Promise.all([
    listCouncils({ actor: staff }),
    listWorkingGroupChoices({ actor: staff }),
    pickerFallback(staff, query, 'invite-whom', ['organisationId'], { organisationId: 'organisations' }),
    z.uuid().safeParse(chosenOrganisation).success
      ? getOrganisationChoices({ actor: staff, ids: [chosenOrganisation] })
      : Promise.resolve([]),
    listContactTags({ actor: staff }),
    search ? listContacts({ actor: staff, search }) : Promise.resolve({ contacts: [], total: 0 }),
  ]);
  const picked = [query.contactId ?? []].flat();
  const wantsPreview = query.preview === '1';
  const parsed = wantsPreview ? invitePreviewSchema.safeParse(query) : null;
  const preview = parsed?.success ? await previewRecipients({ actor: staff, meetingId, selection: parsed.data }) : null;
  const errors = parsed && !parsed.success ? Object.values(z.flattenError(parsed.error).fieldErrors).flat() : [];
  const role = parsed?.success ? parsed.data.role : 'delegate';
  const previewEmail = (locale: 'en' | 'ru') =>
    invitationEmail({
      kind: 'invitation',
      meeting,
      locale,
      name:
        preview?.sample.find((s) => s.language === locale)?.name ??
        (locale === 'ru' ? 'Ержан Ахметов' : 'Aidana Jumaeva'),
      role,
      link: '[personal link]',
      invitationId: 'preview',
      mailDomain: 'preview',
    });
  const total = preview ? preview.byLanguage.en + preview.byLanguage.ru : 0;

  return (
    <InviteForm
      meetingId={meetingId}
      query={query}
      choices={{
        councils,
        groups,
        organisation: {
          ...pickerState(organisationPicker?.organisationId, currentOrganisation),
        },
        tags,
        countries,
      }}
      found={found.contacts}
      emails={preview ? { en: previewEmail('en'), ru: previewEmail('ru') } : null}
      {...{ by, search, picked, errors, preview, total }}
      selection={parsed?.success ? parsed.data : null}
    />
  );
}
