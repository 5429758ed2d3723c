import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { Button, Card, DataTable, Notice, PageHeader, Td, Tr } from '@/components/ui';
import {
  focalPointChoices,
  getOrganisationNames,
  listDelegationOrder,
  listDelegations,
  listPendingNominations,
  listStaffProposals,
  organisationChoices,
} from '@/db/delegations';
import { getMeetingInvitationSettings } from '@/db/invitations';
import { roleAtLeast, type StaffUser } from '@/lib/auth/roles';
import { countryName, countryOptions } from '@/lib/countries';
import { formatDateTime, toZonedParts } from '@/lib/datetime';
import { ministryAddressee } from '@/lib/mfa-names';
import { requireSignedInPage } from '@/services/auth/staff';
import {
  decideNominationAction,
  decideSubstituteAction,
  inviteDelegationAction,
  moveMemberAction,
  reissueLinkAction,
  revokeLinkAction,
  setApprovalAction,
  setQuotaAction,
} from './actions';

export const metadata: Metadata = { title: 'Delegations' };

// Staff's page of a meeting's delegations: every delegation with its counts, the nominations waiting for approval,
// substitutes proposed by invitees outside any delegation, and the form that invites a delegation. The focal point is
// chosen from suggestions and a server-side search (GET), never from the whole directory.

export default async function DelegationsPage({ params, searchParams }: PageProps<'/staff/meetings/[id]/delegations'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/meetings/${id}/delegations`);
  const meeting = z.uuid().safeParse(id).success
    ? await getMeetingInvitationSettings({ actor: staff, meetingId: id })
    : null;
  if (!meeting) notFound();
  const canEdit = roleAtLeast(staff.role, 'editor');
  const query = await searchParams;
  const [rows, pending, proposals, order] = await Promise.all([
    listDelegations({ actor: staff, meetingId: id }),
    listPendingNominations({ actor: staff, meetingId: id }),
    listStaffProposals({ actor: staff, meetingId: id }),
    listDelegationOrder({ actor: staff, meetingId: id }),
  ]);
  const totals = rows.reduce(
    (sum, r) => ({
      quota: sum.quota + r.quota,
      taken: sum.taken + r.taken,
      registered: sum.registered + r.registered,
      declined: sum.declined + r.declined,
    }),
    { quota: 0, taken: 0, registered: 0, declined: 0 },
  );

  return (
    <>
      <PageHeader back={{ href: `/staff/meetings/${id}`, label: `← ${meeting.titleEn}` }} title="Delegations" />
      <p className="text-sm">
        <Link href={`/staff/meetings/${id}/invitations`}>Invitations</Link> ·{' '}
        <Link href={`/staff/meetings/${id}/participants`}>Participants</Link>
      </p>
      <p className="mt-1 text-slate-700">
        {rows.length} delegation{rows.length === 1 ? '' : 's'} · {totals.taken} of {totals.quota} places nominated ·{' '}
        {totals.registered} registered · {totals.declined} declined
      </p>
      {query.invited === '1' && (
        <Notice tone="success" role="status" className="mt-3">
          Delegation invited: the focal point’s email is queued.
        </Notice>
      )}

      {rows.length === 0 ? (
        <p className="mt-4">No delegation has been invited yet.</p>
      ) : (
        <DataTable
          label="Delegations"
          columns={[
            'Delegation',
            'Focal point',
            'Quota',
            'Nominated',
            'Awaiting approval',
            'Registered',
            'Declined',
            'Deadline',
            'Link',
            canEdit && 'Actions',
          ]}
        >
          {rows.map((r) => (
            <Tr key={r.id}>
              <Td>
                <span className="font-medium">{r.name}</span>
                <span className="block text-xs text-slate-700">{r.addresseeEn}</span>
                <span className="block text-xs text-slate-700" lang="ru">
                  {r.addresseeRu}
                </span>
              </Td>
              <Td>
                {r.focalPoint}
                <span className="block text-xs break-all">{r.focalPointEmail}</span>
                <span className="block text-xs">{r.language === 'ru' ? 'Russian' : 'English'}</span>
              </Td>
              <Td>
                {canEdit ? (
                  <ActionForm action={setQuotaAction.bind(null, id, r.id)} submitLabel="Set" variant="secondary">
                    <label htmlFor={`quota-${r.id}`} className="sr-only">
                      Quota of {r.name}
                    </label>
                    <input
                      id={`quota-${r.id}`}
                      name="quota"
                      type="number"
                      min={1}
                      max={100}
                      defaultValue={r.quota}
                      className={`${inputClass} w-20`}
                    />
                  </ActionForm>
                ) : (
                  r.quota
                )}
              </Td>
              <Td className="tabular-nums">{r.taken}</Td>
              <Td className="tabular-nums">{r.pending}</Td>
              <Td className="tabular-nums">{r.registered}</Td>
              <Td className="tabular-nums">{r.declined}</Td>
              <Td>{r.nominationDeadline ? formatDateTime(r.nominationDeadline, meeting.timeZone, 'en') : '—'}</Td>
              <Td>{r.linkRevoked ? 'Revoked' : 'Active'}</Td>
              {canEdit && (
                <Td>
                  <div className="flex flex-col gap-1">
                    <ActionForm
                      action={reissueLinkAction.bind(null, id, r.id)}
                      submitLabel="Send a new link"
                      variant="secondary"
                    />
                    {!r.linkRevoked && (
                      <ActionForm
                        action={revokeLinkAction.bind(null, id, r.id)}
                        submitLabel="Revoke the link"
                        variant="danger"
                        confirm={{
                          question: `Revoke the link of ${r.name}? Nominations made stand.`,
                          confirmLabel: 'Revoke',
                        }}
                      />
                    )}
                  </div>
                </Td>
              )}
            </Tr>
          ))}
        </DataTable>
      )}

      {rows.some((r) => order.has(r.id)) && (
        <Card as="section" aria-labelledby="order" className="mt-6">
          <h2 id="order" className="text-lg font-semibold">
            Order on the list of participants
          </h2>
          <p className="mt-1 text-sm">
            Within each delegation the head of delegation comes first, then the members in this order.
          </p>
          {rows
            .filter((r) => order.has(r.id))
            .map((r) => {
              const members = order.get(r.id)!;
              return (
                <section key={r.id} aria-label={r.name} className="mt-3">
                  <h3 className="font-medium">{r.name}</h3>
                  <ol className="mt-1 list-decimal space-y-1 pl-6">
                    {members.map((m, index) => (
                      <li key={m.id}>
                        <span className="flex flex-wrap items-center gap-2">
                          <span>
                            {m.displayName}
                            {m.head && <span className="text-sm text-slate-700"> (head of delegation)</span>}
                          </span>
                          {canEdit && !m.head && index > 0 && !members[index - 1]!.head && (
                            <ActionForm
                              action={moveMemberAction.bind(null, id, r.id, m.id)}
                              submitLabel={`Move ${m.displayName} up`}
                              variant="secondary"
                            >
                              <input type="hidden" name="direction" value="up" />
                            </ActionForm>
                          )}
                          {canEdit && !m.head && index < members.length - 1 && (
                            <ActionForm
                              action={moveMemberAction.bind(null, id, r.id, m.id)}
                              submitLabel={`Move ${m.displayName} down`}
                              variant="secondary"
                            >
                              <input type="hidden" name="direction" value="down" />
                            </ActionForm>
                          )}
                        </span>
                      </li>
                    ))}
                  </ol>
                </section>
              );
            })}
        </Card>
      )}

      <Card as="section" aria-labelledby="approval" className="mt-6">
        <h2 id="approval" className="text-lg font-semibold">
          Approval of nominations
        </h2>
        <p className="mt-1 text-sm">
          {meeting.approveNominations
            ? 'Nominations wait for approval here before their invitations go out.'
            : 'Nominees are invited as soon as the focal point nominates them.'}
        </p>
        {canEdit && (
          <div className="mt-2">
            <ActionForm
              action={setApprovalAction.bind(null, id)}
              submitLabel={meeting.approveNominations ? 'Invite nominees at once' : 'Approve nominations first'}
              variant="secondary"
            >
              <input type="hidden" name="approve" value={meeting.approveNominations ? 'off' : 'on'} />
            </ActionForm>
          </div>
        )}
        {pending.length > 0 && (
          <ul className="mt-3 space-y-2">
            {pending.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2">
                <span>
                  {p.displayName} · {p.position || 'no position given'} · {p.email} (
                  {rows.find((r) => r.id === p.delegationId)?.name})
                </span>
                {canEdit && (
                  <>
                    <ActionForm action={decideNominationAction.bind(null, id, p.id, 'approve')} submitLabel="Approve" />
                    <ActionForm
                      action={decideNominationAction.bind(null, id, p.id, 'reject')}
                      submitLabel="Reject"
                      variant="secondary"
                    />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card as="section" aria-labelledby="substitutes" className="mt-6">
        <h2 id="substitutes" className="text-lg font-semibold">
          Proposed substitutes
        </h2>
        <p className="mt-1 text-sm">
          Proposed by invitees outside any delegation when declining (a delegation’s focal point decides on its own).
        </p>
        {proposals.length === 0 ? (
          <p className="mt-2 text-sm">None waiting.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {proposals.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2">
                <span>
                  {p.member} declined and proposes {p.name} ({p.position || 'no position given'}, {p.email},{' '}
                  {p.language === 'ru' ? 'Russian' : 'English'})
                </span>
                {canEdit && (
                  <>
                    <ActionForm
                      action={decideSubstituteAction.bind(null, id, p.id, 'accept')}
                      submitLabel={`Accept ${p.name}`}
                    />
                    <ActionForm
                      action={decideSubstituteAction.bind(null, id, p.id, 'refuse')}
                      submitLabel={`Refuse ${p.name}`}
                      variant="secondary"
                    />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      {canEdit && <InviteSection staff={staff} meetingId={id} query={query} timeZone={meeting.timeZone} />}
    </>
  );
}

const param = (value: string | string[] | undefined) => (typeof value === 'string' ? value.trim().slice(0, 200) : '');

async function InviteSection({
  staff,
  meetingId,
  query,
  timeZone,
}: {
  staff: StaffUser;
  meetingId: string;
  query: Record<string, string | string[] | undefined>;
  timeZone: string;
}) {
  const countries = countryOptions('en');
  const country = countries.some((c) => c.code === param(query.country)) ? param(query.country) : '';
  const orgId = z.uuid().safeParse(param(query.org)).success ? param(query.org) : '';
  const organisation = orgId ? await getOrganisationNames({ actor: staff, id: orgId }) : null;
  const orgSearch = param(query.oq);
  const search = param(query.q);
  const [orgResults, choices] = await Promise.all([
    orgSearch && !organisation ? organisationChoices({ actor: staff, search: orgSearch }) : [],
    focalPointChoices({
      actor: staff,
      meetingId,
      countryCode: organisation ? null : country || null,
      organisationId: organisation?.id ?? null,
      search,
    }),
  ]);
  const kind = organisation ? 'organisation' : country ? 'state' : null;
  const addressee = organisation
    ? { en: organisation.nameEn, ru: organisation.nameRu ?? organisation.nameEn, checked: false }
    : country
      ? ministryAddressee(country)
      : null;
  const people = [...choices.suggested, ...choices.found.filter((f) => !choices.suggested.some((s) => s.id === f.id))];
  const here = `/staff/meetings/${meetingId}/delegations`;
  return (
    <Card as="section" aria-labelledby="invite" className="mt-8">
      <h2 id="invite" className="text-lg font-semibold">
        Invite a delegation
      </h2>
      <form method="get" action={here} className="mt-3 grid gap-3 sm:grid-cols-3" aria-label="Choose the delegation">
        <FormRow id="pick-country" label="A state">
          <select id="pick-country" name="country" defaultValue={country} className={inputClass}>
            <option value="">—</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow id="pick-org" label="or an organisation (search)">
          <input id="pick-org" name="oq" defaultValue={organisation ? '' : orgSearch} className={inputClass} />
        </FormRow>
        <FormRow id="pick-person" label="Focal point (search the directory)">
          <input id="pick-person" name="q" defaultValue={search} className={inputClass} />
        </FormRow>
        {organisation && <input type="hidden" name="org" value={organisation.id} />}
        <div className="sm:col-span-3">
          <Button variant="secondary" size="md">
            Search
          </Button>
        </div>
      </form>
      {orgResults.length > 0 && (
        <ul className="mt-3 list-disc pl-6 text-sm">
          {orgResults.map((o) => (
            <li key={o.id}>
              <Link href={`${here}?org=${o.id}${search ? `&q=${encodeURIComponent(search)}` : ''}#invite`}>
                {o.nameEn}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {orgSearch && !organisation && orgResults.length === 0 && (
        <p className="mt-2 text-sm">No organisation matches “{orgSearch}”.</p>
      )}

      {kind && addressee && (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <p className="font-medium">
            {organisation ? organisation.nameEn : countryName(country, 'en')}
            {organisation && (
              <>
                {' '}
                · <Link href={`${here}#invite`}>choose another</Link>
              </>
            )}
          </p>
          <ActionForm
            action={inviteDelegationAction.bind(null, meetingId)}
            submitLabel="Invite the delegation"
            className="mt-3 flex flex-col items-start gap-3"
          >
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="countryCode" value={kind === 'state' ? country : ''} />
            <input type="hidden" name="organisationId" value={organisation?.id ?? ''} />
            <fieldset className="w-full">
              <legend className="text-sm font-medium">Focal point</legend>
              {people.length === 0 ? (
                <p className="text-sm">
                  No focal point on the roster or tagged “focal point”: search the directory above.
                </p>
              ) : (
                <ul className="mt-1 space-y-1">
                  {people.map((p, index) => (
                    <li key={p.id} className="flex items-center gap-2">
                      <input
                        type="radio"
                        id={`focal-${p.id}`}
                        name="focalPointContactId"
                        value={p.id}
                        defaultChecked={index === 0}
                        className="size-5"
                      />
                      <label htmlFor={`focal-${p.id}`}>
                        {p.name} · {p.email}
                        {p.organisation && ` · ${p.organisation}`}
                        {p.why && <span className="text-sm text-slate-700"> ({p.why})</span>}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
            <div className="grid w-full gap-3 sm:grid-cols-2">
              <FormRow id="quota" label="Quota (seats)">
                <input
                  id="quota"
                  name="quota"
                  type="number"
                  min={1}
                  max={100}
                  defaultValue={3}
                  className={inputClass}
                />
              </FormRow>
              <FormRow id="nominationDeadline" label={`Nomination deadline (end of the day, ${timeZone})`}>
                <input
                  id="nominationDeadline"
                  name="nominationDeadline"
                  type="date"
                  min={toZonedParts(new Date(), timeZone).date}
                  className={inputClass}
                />
              </FormRow>
              <FormRow id="addresseeEn" label="Addressee (English)">
                <input id="addresseeEn" name="addresseeEn" defaultValue={addressee.en} className={inputClass} />
              </FormRow>
              <FormRow
                id="addresseeRu"
                label="Addressee (Russian, dative)"
                hint={addressee.checked ? undefined : 'Check the Russian: put the name in the dative.'}
              >
                <input
                  id="addresseeRu"
                  name="addresseeRu"
                  lang="ru"
                  defaultValue={addressee.ru}
                  className={inputClass}
                />
              </FormRow>
            </div>
          </ActionForm>
        </div>
      )}
    </Card>
  );
}
