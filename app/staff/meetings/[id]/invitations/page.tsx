import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { inputClass } from '@/components/field';
import { FilterSelect, ORGANISATION_TYPE_OPTIONS } from '@/components/filter-select';
import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { listContacts, listContactTags } from '@/db/contacts';
import { listCouncils } from '@/db/councils';
import {
  countUnanswered,
  getMeetingInvitationSettings,
  invitationDeliveryProgress,
  listInvitations,
  pendingMeetingUpdate,
  previewRecipients,
  type InvitationRow,
} from '@/db/invitations';
import { listOrganisationChoices, listWorkingGroupChoices } from '@/db/meetings';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/lib/auth/staff';
import { countryName, countryOptions } from '@/lib/countries';
import { formatDateTime } from '@/lib/datetime';
import {
  INVITATION_ROLE_LABELS,
  INVITATION_ROLES,
  ORGANISATION_TYPE_LABELS,
  REGISTRATION_STATUS_LABELS,
} from '@/lib/domain';
import { invitationEmail, placeholderValues, templateText } from '@/lib/mail/invitation-email';
import { invitePreviewSchema } from '@/lib/schemas/invitation-selection';
import {
  inviteAction,
  reissueInvitationAction,
  remindAction,
  resendInvitationAction,
  revokeInvitationAction,
  saveTextsAction,
  sendUpdateAction,
} from './actions';
import { DeliveryProgress } from './delivery-progress';
import { TextsEditor } from './texts-editor';

export const metadata: Metadata = { title: 'Invitations' };

const BY = [
  ['contacts', 'Contacts I pick'],
  ['roster', 'A council’s roster (or one working group)'],
  ['organisation', 'Everyone at an organisation'],
  ['filter', 'Everyone matching a filter'],
] as const;

function statusLabel(row: InvitationRow): string {
  if (row.status === 'revoked') return 'Revoked';
  if (row.registration)
    return row.registration === 'cancelled' ? 'Registration cancelled' : REGISTRATION_STATUS_LABELS[row.registration];
  if (row.status === 'accepted') return 'Accepted, not registered yet';
  if (row.status === 'declined') return row.declineReason ? `Declined (“${row.declineReason}”)` : 'Declined';
  switch (row.delivery) {
    case 'queued':
    case 'sending':
      return 'Queued';
    case 'sent':
      return 'Sent';
    case 'captured':
      return 'Kept in the app (not sent)';
    case 'failed':
      return `Delivery failed${row.deliveryError ? `: ${row.deliveryError}` : ''}`;
    default:
      return 'Invited';
  }
}

const tally = <T extends string>(rows: InvitationRow[], key: (r: InvitationRow) => T) =>
  [...rows.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map<T, number>())].sort((a, b) => b[1] - a[1]);

export default async function InvitationsPage({ params, searchParams }: PageProps<'/staff/meetings/[id]/invitations'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/invitations`);
  const meeting = z.uuid().safeParse(id).success ? await getMeetingInvitationSettings({ meetingId: id }) : null;
  if (!meeting) notFound();
  const canEdit = roleAtLeast(staff.role, 'editor');
  const query = await searchParams;
  const [rows, progress, unanswered, update] = await Promise.all([
    listInvitations({ meetingId: id }),
    invitationDeliveryProgress({ meetingId: id }),
    countUnanswered({ meetingId: id }),
    pendingMeetingUpdate({ meetingId: id }),
  ]);
  const zone = meeting.timeZone;
  const countries = countryOptions('en');

  return (
    <>
      <p className="text-sm">
        <Link href={`/staff/meetings/${id}`}>← {meeting.titleEn}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Invitations</h1>
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
        <p
          role="status"
          className="mt-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          {query.sent} invitation{query.sent === '1' ? '' : 's'} queued for sending.
        </p>
      )}
      {/* Keyed by the counts: a new render of the page (after a send) starts it from the new figures. */}
      <DeliveryProgress key={JSON.stringify(progress)} meetingId={id} initial={progress} />

      <FollowUp rows={rows} meetingId={id} canEdit={canEdit} unanswered={unanswered} update={update} />

      {canEdit && (
        <>
          <InviteSection meetingId={id} query={query} countries={countries} meeting={meeting} />
          <section aria-labelledby="texts" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
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
          </section>
        </>
      )}
    </>
  );
}

function FollowUp({
  rows,
  meetingId,
  canEdit,
  unanswered,
  update,
}: {
  rows: InvitationRow[];
  meetingId: string;
  canEdit: boolean;
  unanswered: number;
  update: { changes: string[]; recipients: number };
}) {
  if (rows.length === 0) return <p className="mt-4 text-slate-700">Nobody has been invited to this meeting yet.</p>;
  const byStatus = tally(rows, statusLabel);
  const byCountry = tally(rows, (r) => (r.country ? countryName(r.country, 'en') : 'International'));
  const byType = tally(rows, (r) =>
    r.organisationType ? ORGANISATION_TYPE_LABELS[r.organisationType] : 'No organisation',
  );
  return (
    <section aria-labelledby="invited" className="mt-6">
      <h2 id="invited" className="text-lg font-semibold">
        {rows.length} invited
      </h2>
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        {(
          [
            ['By status', byStatus],
            ['By country', byCountry],
            ['By type of organisation', byType],
          ] as const
        ).map(([title, counts]) => (
          <div key={title} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <h3 className="font-semibold">{title}</h3>
            <ul>
              {counts.map(([label, n]) => (
                <li key={label}>
                  {label}: {n}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {canEdit && unanswered > 0 && (
        <div className="mt-3">
          <ActionForm
            action={remindAction.bind(null, meetingId)}
            submitLabel={`Remind the ${unanswered} who have not answered`}
            variant="secondary"
          >
            <input type="hidden" name="confirmedCount" value={unanswered} />
          </ActionForm>
        </div>
      )}
      {canEdit && update.changes.length > 0 && (
        <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">The meeting has changed since the invitations went out:</p>
          <ul className="list-disc pl-5">
            {update.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <ActionForm
            action={sendUpdateAction.bind(null, meetingId)}
            submitLabel={`Send the update to ${update.recipients} invitees`}
            variant="secondary"
          >
            {null}
          </ActionForm>
        </div>
      )}
      <TableScroll label="Invitations table">
        <table className="w-full text-left text-sm">
          <TableHead columns={['Name', 'Email', 'Language', 'Role', 'Status', 'Last sent', canEdit && 'Actions']} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200 align-top">
                <td className="px-3 py-2">
                  {r.name}
                  {r.organisation && <span className="block text-xs text-slate-700">{r.organisation}</span>}
                </td>
                <td className="px-3 py-2">{r.email}</td>
                <td className="px-3 py-2">{r.language === 'ru' ? 'Russian' : 'English'}</td>
                <td className="px-3 py-2">{INVITATION_ROLE_LABELS[r.role]}</td>
                <td className="px-3 py-2">{statusLabel(r)}</td>
                <td className="px-3 py-2">{r.lastSentAt ? formatDateTime(r.lastSentAt, 'UTC', 'en') : '—'}</td>
                {canEdit && (
                  <td className="px-3 py-2">
                    {r.status !== 'revoked' && (
                      <div className="flex flex-wrap gap-2">
                        <ActionForm
                          action={resendInvitationAction.bind(null, meetingId, r.id)}
                          submitLabel={`Resend to ${r.email}`}
                          variant="secondary"
                        >
                          {null}
                        </ActionForm>
                        <ActionForm
                          action={reissueInvitationAction.bind(null, meetingId, r.id)}
                          submitLabel={`New link for ${r.email}`}
                          variant="secondary"
                        >
                          {null}
                        </ActionForm>
                        <ActionForm
                          action={revokeInvitationAction.bind(null, meetingId, r.id)}
                          submitLabel={`Revoke ${r.email}`}
                          variant="danger"
                        >
                          {null}
                        </ActionForm>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

async function InviteSection({
  meetingId,
  query,
  countries,
  meeting,
}: {
  meetingId: string;
  query: Record<string, string | string[] | undefined>;
  countries: { code: string; name: string }[];
  meeting: NonNullable<Awaited<ReturnType<typeof getMeetingInvitationSettings>>>;
}) {
  const by = typeof query.by === 'string' ? query.by : 'contacts';
  const search = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
  const [councils, groups, organisations, tags, found] = await Promise.all([
    listCouncils(),
    listWorkingGroupChoices(),
    listOrganisationChoices(),
    listContactTags(),
    search ? listContacts({ search }) : Promise.resolve({ contacts: [], total: 0 }),
  ]);
  const picked = [query.contactId ?? []].flat();
  const wantsPreview = query.preview === '1';
  const parsed = wantsPreview ? invitePreviewSchema.safeParse(query) : null;
  const preview = parsed?.success ? await previewRecipients(meetingId, parsed.data) : null;
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
    <section aria-labelledby="invite" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="invite" className="text-lg font-semibold">
        Invite
      </h2>
      <form method="get" aria-label="Choose whom to invite" className="mt-3 grid gap-3 sm:grid-cols-2">
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium">Whom</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {BY.map(([value, label]) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input type="radio" name="by" value={value} defaultChecked={by === value} /> {label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor="invite-search" className="text-sm font-medium">
            Find contacts to pick (name, email or organisation)
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="invite-search"
              name="q"
              type="search"
              defaultValue={search}
              className={`${inputClass} max-w-md`}
            />
            <button
              type="submit"
              name="preview"
              value="0"
              className="min-h-10 rounded-md border border-slate-400 bg-white px-3 text-sm font-medium hover:bg-slate-100"
            >
              Find
            </button>
          </div>
        </div>
        {(found.contacts.length > 0 || picked.length > 0) && (
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium">Contacts picked</legend>
            <ul className="mt-1 grid gap-1 sm:grid-cols-2">
              {found.contacts.map((c) => (
                <li key={c.id}>
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="contactId" value={c.id} defaultChecked={picked.includes(c.id)} />{' '}
                    {c.name} · {c.email}
                  </label>
                </li>
              ))}
              {picked
                .filter((id) => !found.contacts.some((c) => c.id === id))
                .map((id) => (
                  <input key={id} type="hidden" name="contactId" value={id} />
                ))}
            </ul>
          </fieldset>
        )}
        <FilterSelect
          id="invite-council"
          name="councilId"
          label="Council (roster)"
          value={typeof query.councilId === 'string' ? query.councilId : undefined}
          options={councils.map((c) => ({ value: c.id, label: c.nameEn }))}
        />
        <FilterSelect
          id="invite-group"
          name="workingGroupId"
          label="Working group (optional)"
          value={typeof query.workingGroupId === 'string' ? query.workingGroupId : undefined}
          options={groups.map((g) => ({ value: g.id, label: g.label }))}
        />
        <FilterSelect
          id="invite-organisation"
          name="organisationId"
          label="Organisation"
          value={typeof query.organisationId === 'string' ? query.organisationId : undefined}
          options={organisations.map((o) => ({
            value: o.id,
            label: o.acronym ? `${o.acronym} — ${o.nameEn}` : o.nameEn,
          }))}
        />
        <FilterSelect
          id="invite-country"
          name="country"
          label="Country"
          value={typeof query.country === 'string' ? query.country : undefined}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <FilterSelect
          id="invite-type"
          name="organisationType"
          label="Type of organisation"
          value={typeof query.organisationType === 'string' ? query.organisationType : undefined}
          options={ORGANISATION_TYPE_OPTIONS}
        />
        <FilterSelect
          id="invite-tag"
          name="tag"
          label="Tag"
          value={typeof query.tag === 'string' ? query.tag : undefined}
          options={tags.map((t) => ({ value: t, label: t }))}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="invite-role" className="text-sm font-medium">
            Invited as
          </label>
          <select
            id="invite-role"
            name="role"
            defaultValue={typeof query.role === 'string' ? query.role : 'delegate'}
            className={inputClass}
          >
            {INVITATION_ROLES.map((r) => (
              <option key={r} value={r}>
                {INVITATION_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <button
            type="submit"
            name="preview"
            value="1"
            className="min-h-10 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            Preview the invitations
          </button>
        </div>
      </form>
      {errors.length > 0 && (
        <ul role="alert" className="mt-3 list-disc pl-5 text-sm font-medium text-red-800">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {preview && parsed?.success && (
        <section aria-labelledby="invite-preview" className="mt-4 rounded-md border border-slate-300 bg-slate-50 p-4">
          <h3 id="invite-preview" className="font-semibold">
            {total} new invitation{total === 1 ? '' : 's'}: {preview.byLanguage.en} in English, {preview.byLanguage.ru}{' '}
            in Russian
          </h3>
          {preview.alreadyInvited > 0 && (
            <p className="text-sm">{preview.alreadyInvited} of those selected are invited already and are left out.</p>
          )}
          {preview.sample.length > 0 && (
            <p className="mt-1 text-sm">
              {preview.sample.map((s) => s.name).join(', ')}
              {total > preview.sample.length && ` and ${total - preview.sample.length} more`}
            </p>
          )}
          <div className="mt-3 grid gap-3 md:grid-cols-2">
            {(['en', 'ru'] as const).map((locale) => {
              const email = previewEmail(locale);
              return (
                <figure key={locale} lang={locale} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                  <figcaption className="font-semibold">
                    {locale === 'en' ? 'English' : 'Russian'} email: {email.subject}
                  </figcaption>
                  <pre className="mt-2 font-sans whitespace-pre-wrap">{email.text}</pre>
                </figure>
              );
            })}
          </div>
          {total > 0 && (
            <ActionForm
              action={inviteAction.bind(null, meetingId)}
              submitLabel={`Send ${total} invitation${total === 1 ? '' : 's'}`}
              className="mt-3 flex flex-wrap items-end gap-2"
            >
              {Object.entries({ ...parsed.data, confirmedCount: total }).flatMap(([name, value]) =>
                [value ?? []]
                  .flat()
                  .map((one) => <input key={`${name}-${one}`} type="hidden" name={name} value={String(one)} />),
              )}
            </ActionForm>
          )}
        </section>
      )}
    </section>
  );
}
