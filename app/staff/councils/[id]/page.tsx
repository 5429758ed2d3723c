import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { CountryOptions, OrganisationOptions } from '@/components/choice-options';
import { inputClass } from '@/components/field';
import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { listContactChoices } from '@/db/contacts';
import { getCouncil, listRoster, type RosterEntry } from '@/db/councils';
import { listOrganisationChoices } from '@/db/meetings';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName, countryOptions } from '@/lib/countries';
import { calendarDateIn, formatDate } from '@/lib/datetime';
import { ROSTER_ROLE_LABELS, ROSTER_ROLES } from '@/lib/domain';
import {
  addMemberAction,
  addWorkingGroupAction,
  endTermAction,
  setMemberGroupsAction,
  updateCouncilAction,
} from '../actions';

export const metadata: Metadata = { title: 'Council' };

const label = (htmlFor: string, text: string) => (
  <label htmlFor={htmlFor} className="text-sm font-medium">
    {text}
  </label>
);

export default async function CouncilPage({ params, searchParams }: PageProps<'/staff/councils/[id]'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/councils/${id}`);
  const council = z.uuid().safeParse(id).success ? await getCouncil({ actor: staff, id }) : null;
  if (!council) notFound();
  const query = await searchParams;
  const zone = staff.timeZone ?? 'Asia/Tashkent';
  const todayParts = calendarDateIn(new Date(), zone);
  const today = `${todayParts.year}-${String(todayParts.month).padStart(2, '0')}-${String(todayParts.day).padStart(2, '0')}`;
  const asOf = typeof query.asOf === 'string' && z.iso.date().safeParse(query.asOf).success ? query.asOf : today;
  const by = query.by === 'organisation' ? 'organisation' : 'country';
  const canEdit = roleAtLeast(staff.role, 'editor');
  const [roster, contacts, organisations] = await Promise.all([
    listRoster({ actor: staff, councilId: council.id, asOf }),
    canEdit ? listContactChoices({ actor: staff }) : [],
    canEdit ? listOrganisationChoices({ actor: staff }) : [],
  ]);
  const groups = new Map<string, RosterEntry[]>();
  for (const entry of roster) {
    const key =
      by === 'country'
        ? entry.country
          ? countryName(entry.country, 'en')
          : 'International'
        : (entry.organisation ?? 'No organisation');
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const groupName = new Map(council.workingGroups.map((g) => [g.id, g.nameEn]));
  const countries = countryOptions('en');
  const dateOf = (d: string) => formatDate(new Date(`${d}T12:00:00Z`), 'UTC', 'en');

  return (
    <>
      <p className="text-sm">
        <Link href="/staff/councils">← Councils</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{council.nameEn}</h1>
      <p lang="ru" className="mt-1 text-slate-700">
        {council.nameRu}
      </p>
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Secretariat</dt>
        <dd>{council.secretariat ?? '—'}</dd>
        <dt className="font-medium">Mandate</dt>
        <dd className="whitespace-pre-line">{council.mandateEn || '—'}</dd>
      </dl>

      {canEdit && (
        <details className="mt-3 rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-medium">Edit the council’s details</summary>
          <ActionForm
            action={updateCouncilAction.bind(null, council.id)}
            submitLabel="Save council"
            className="mt-3 grid gap-3 sm:grid-cols-2"
          >
            <div className="flex flex-col gap-1">
              {label('council-nameEn', 'Name in English')}
              <input id="council-nameEn" name="nameEn" defaultValue={council.nameEn} className={inputClass} />
            </div>
            <div className="flex flex-col gap-1">
              {label('council-nameRu', 'Name in Russian')}
              <input id="council-nameRu" name="nameRu" lang="ru" defaultValue={council.nameRu} className={inputClass} />
            </div>
            <div className="flex flex-col gap-1">
              {label('council-mandateEn', 'Mandate in English')}
              <textarea
                id="council-mandateEn"
                name="mandateEn"
                rows={5}
                defaultValue={council.mandateEn}
                className={inputClass}
              />
            </div>
            <div className="flex flex-col gap-1">
              {label('council-mandateRu', 'Mandate in Russian')}
              <textarea
                id="council-mandateRu"
                name="mandateRu"
                lang="ru"
                rows={5}
                defaultValue={council.mandateRu}
                className={inputClass}
              />
            </div>
            <div className="flex flex-col gap-1">
              {label('council-secretariat', 'Secretariat organisation')}
              <select
                id="council-secretariat"
                name="secretariatOrganisationId"
                defaultValue={council.secretariatOrganisationId ?? ''}
                className={inputClass}
              >
                <OrganisationOptions organisations={organisations} />
              </select>
            </div>
          </ActionForm>
        </details>
      )}

      <section aria-labelledby="working-groups" className="mt-8">
        <h2 id="working-groups" className="text-lg font-semibold">
          Working groups
        </h2>
        {council.workingGroups.length === 0 ? (
          <p className="mt-2 text-slate-700">None yet.</p>
        ) : (
          <ul className="mt-2 list-inside list-disc">
            {council.workingGroups.map((g) => (
              <li key={g.id}>
                {g.nameEn}{' '}
                <span lang="ru" className="text-slate-700">
                  ({g.nameRu})
                </span>
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <ActionForm
            action={addWorkingGroupAction.bind(null, council.id)}
            submitLabel="Add working group"
            className="mt-3 flex flex-wrap items-end gap-2"
          >
            <div className="flex flex-col gap-1">
              {label('group-nameEn', 'Working group name in English')}
              <input id="group-nameEn" name="nameEn" className={inputClass} />
            </div>
            <div className="flex flex-col gap-1">
              {label('group-nameRu', 'Working group name in Russian')}
              <input id="group-nameRu" name="nameRu" lang="ru" className={inputClass} />
            </div>
          </ActionForm>
        )}
      </section>

      <section aria-labelledby="roster" className="mt-8">
        <h2 id="roster" className="text-lg font-semibold">
          Roster on {dateOf(asOf)}
        </h2>
        <form method="get" className="mt-2 flex flex-wrap items-end gap-3" aria-label="Roster view">
          <div className="flex flex-col gap-1">
            {label('roster-asOf', 'Members on date')}
            <input id="roster-asOf" name="asOf" type="date" defaultValue={asOf} className={inputClass} />
          </div>
          <div className="flex flex-col gap-1">
            {label('roster-by', 'Group by')}
            <select id="roster-by" name="by" defaultValue={by} className={inputClass}>
              <option value="country">Country</option>
              <option value="organisation">Organisation</option>
            </select>
          </div>
          <button
            type="submit"
            className="min-h-10 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            Show roster
          </button>
        </form>
        <p className="mt-2 text-sm text-slate-700">
          {roster.length} member{roster.length === 1 ? '' : 's'} on {dateOf(asOf)}.
        </p>
        {[...groups]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([group, members]) => (
            <div key={group} className="mt-4">
              <h3 className="font-semibold">
                {group} ({members.length})
              </h3>
              <TableScroll label={`Members: ${group}`}>
                <table className="w-full text-left text-sm">
                  <TableHead
                    columns={[
                      'Name',
                      'Role',
                      by === 'country' ? 'Organisation' : 'Country',
                      'Term',
                      'Working groups',
                      canEdit && 'Changes',
                    ]}
                  />
                  <tbody>
                    {members.map((m) => (
                      <tr key={m.id} className="border-t border-slate-200 align-top">
                        <th scope="row" className="px-3 py-2 font-medium">
                          {m.name}
                        </th>
                        <td className="px-3 py-2">{ROSTER_ROLE_LABELS[m.role]}</td>
                        <td className="px-3 py-2">
                          {by === 'country'
                            ? (m.organisation ?? '—')
                            : m.country
                              ? countryName(m.country, 'en')
                              : 'International'}
                        </td>
                        <td className="px-3 py-2">
                          {dateOf(m.termFrom)} – {m.termTo ? dateOf(m.termTo) : 'open'}
                        </td>
                        <td className="px-3 py-2">
                          {m.workingGroupIds.map((g) => groupName.get(g)).join(', ') || '—'}
                        </td>
                        {canEdit && (
                          <td className="px-3 py-2">
                            <ActionForm
                              action={endTermAction.bind(null, m.id)}
                              variant="secondary"
                              submitLabel={
                                <>
                                  End term<span className="sr-only"> of {m.name}</span>
                                </>
                              }
                            >
                              <label htmlFor={`end-${m.id}`} className="sr-only">
                                Last day of {m.name}’s term
                              </label>
                              <input
                                id={`end-${m.id}`}
                                name="termTo"
                                type="date"
                                defaultValue={asOf}
                                className={inputClass}
                              />
                            </ActionForm>
                            {council.workingGroups.length > 0 && (
                              <ActionForm
                                action={setMemberGroupsAction.bind(null, m.id)}
                                variant="secondary"
                                submitLabel={
                                  <>
                                    Save groups<span className="sr-only"> of {m.name}</span>
                                  </>
                                }
                                className="mt-2 flex flex-wrap items-center gap-2"
                              >
                                <fieldset>
                                  <legend className="sr-only">Working groups of {m.name}</legend>
                                  {council.workingGroups.map((g) => (
                                    <label key={g.id} className="mr-3 inline-flex items-center gap-1">
                                      <input
                                        type="checkbox"
                                        name="workingGroupIds"
                                        value={g.id}
                                        defaultChecked={m.workingGroupIds.includes(g.id)}
                                      />
                                      {g.nameEn}
                                    </label>
                                  ))}
                                </fieldset>
                              </ActionForm>
                            )}
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </div>
          ))}
      </section>

      {canEdit && (
        <section aria-labelledby="add-member" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-member" className="text-lg font-semibold">
            Add to the roster
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            The person must be in <Link href="/staff/contacts">Contacts</Link> first.
          </p>
          <ActionForm
            action={addMemberAction.bind(null, council.id)}
            submitLabel="Add to roster"
            className="mt-3 grid gap-3 sm:grid-cols-2"
          >
            <div className="flex flex-col gap-1">
              {label('member-contact', 'Person')}
              <select id="member-contact" name="contactId" defaultValue="" className={inputClass}>
                <option value="">—</option>
                {contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.email})
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              {label('member-role', 'Role on the council')}
              <select id="member-role" name="role" defaultValue="national_expert" className={inputClass}>
                {ROSTER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROSTER_ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1">
              {label('member-country', 'Nominated by (state)')}
              <select id="member-country" name="nominatedByCountry" defaultValue="" className={inputClass}>
                <CountryOptions countries={countries} />
              </select>
            </div>
            <div className="flex flex-col gap-1">
              {label('member-organisation', 'Nominated by (organisation)')}
              <select id="member-organisation" name="nominatedByOrganisationId" defaultValue="" className={inputClass}>
                <OrganisationOptions organisations={organisations} />
              </select>
            </div>
            <div className="flex flex-col gap-1">
              {label('member-from', 'Term from')}
              <input id="member-from" name="termFrom" type="date" defaultValue={today} className={inputClass} />
            </div>
            <div className="flex flex-col gap-1">
              {label('member-to', 'Term to (optional)')}
              <input id="member-to" name="termTo" type="date" className={inputClass} />
            </div>
            {council.workingGroups.length > 0 && (
              <fieldset className="sm:col-span-2">
                <legend className="text-sm font-medium">Working groups</legend>
                {council.workingGroups.map((g) => (
                  <label key={g.id} className="mr-4 inline-flex items-center gap-1">
                    <input type="checkbox" name="workingGroupIds" value={g.id} />
                    {g.nameEn}
                  </label>
                ))}
              </fieldset>
            )}
          </ActionForm>
        </section>
      )}
    </>
  );
}
