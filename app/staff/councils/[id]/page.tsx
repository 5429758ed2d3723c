import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { PeoplePicker } from '@/components/people-picker';
import { Card, PageHeader } from '@/components/ui';
import { getCouncil, listRoster, type RosterEntry } from '@/db/councils';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { echoedValues, pickerFallback } from '@/services/people-picker';
import { countryName, countryOptions } from '@/lib/countries';
import { calendarDateIn } from '@/lib/datetime';
import { addWorkingGroupAction, setCouncilContactAction, updateCouncilAction } from '../actions';
import { AddMemberSection } from './add-member-section';
import { BulkAddSection } from './bulk-add-section';
import { RosterSection } from './roster-section';

export const metadata: Metadata = { title: 'Council' };

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
  const [roster, memberPicker, detailsPicker, bulkPicker] = await Promise.all([
    listRoster({ actor: staff, councilId: council.id, asOf }),
    canEdit
      ? pickerFallback(staff, query, 'member', ['contactId', 'nominatedByOrganisationId'], {
          nominatedByOrganisationId: 'organisations',
        })
      : null,
    canEdit
      ? pickerFallback(staff, query, 'council-details', ['secretariatOrganisationId'], {
          secretariatOrganisationId: 'organisations',
        })
      : null,
    canEdit
      ? pickerFallback(staff, query, 'bulk-organisation', ['organisationId', 'nominatedByOrganisationId'], {
          organisationId: 'organisations',
          nominatedByOrganisationId: 'organisations',
        })
      : null,
  ]);
  const secretariat = detailsPicker?.secretariatOrganisationId;
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
  const countries = countryOptions('en');

  return (
    <>
      <PageHeader back={{ href: '/staff/councils', label: '← Councils' }} title={council.nameEn} />
      <p lang="ru" className="mt-1 text-slate-700">
        {council.nameRu}
      </p>
      <Card as="dl" className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Secretariat</dt>
        <dd>{council.secretariat ?? '—'}</dd>
        <dt className="font-medium">Contact address</dt>
        <dd>{council.contactEmail ?? 'None: delegates are told to write to the sending address'}</dd>
        <dt className="font-medium">Mandate</dt>
        <dd className="whitespace-pre-line">{council.mandateEn || '—'}</dd>
      </Card>

      {canEdit && (
        <Card as="details" className="mt-3" id="council-details" open={detailsPicker !== null}>
          <summary className="cursor-pointer font-medium">Edit the council’s details</summary>
          <ActionForm
            action={updateCouncilAction.bind(null, council.id)}
            submitLabel="Save council"
            className="mt-3 grid gap-3 sm:grid-cols-2"
          >
            <FormRow id="council-nameEn" label="Name in English">
              <input id="council-nameEn" name="nameEn" defaultValue={council.nameEn} className={inputClass} />
            </FormRow>
            <FormRow id="council-nameRu" label="Name in Russian">
              <input id="council-nameRu" name="nameRu" lang="ru" defaultValue={council.nameRu} className={inputClass} />
            </FormRow>
            <FormRow id="council-mandateEn" label="Mandate in English">
              <textarea
                id="council-mandateEn"
                name="mandateEn"
                rows={5}
                defaultValue={council.mandateEn}
                className={inputClass}
              />
            </FormRow>
            <FormRow id="council-mandateRu" label="Mandate in Russian">
              <textarea
                id="council-mandateRu"
                name="mandateRu"
                lang="ru"
                rows={5}
                defaultValue={council.mandateRu}
                className={inputClass}
              />
            </FormRow>
            <PeoplePicker
              kind="organisations"
              id="council-secretariat"
              name="secretariatOrganisationId"
              label="Secretariat organisation"
              chosen={
                secretariat?.chosen ??
                (council.secretariatOrganisationId
                  ? [{ id: council.secretariatOrganisationId, name: council.secretariat ?? '' }]
                  : [])
              }
              query={secretariat?.query}
              results={secretariat?.results ?? null}
              find={{ action: `/staff/councils/${council.id}#council-details`, value: 'council-details' }}
            />
          </ActionForm>
        </Card>
      )}

      {roleAtLeast(staff.role, 'admin') && (
        <Card as="details" className="mt-3">
          <summary className="cursor-pointer font-medium">Change the contact address</summary>
          <p className="mt-2 text-sm text-slate-700">
            Shown to delegates and the public (privacy notice, invitation pages) and set as the reply address of every
            email, so answers to any email reach it.
          </p>
          <ActionForm
            action={setCouncilContactAction.bind(null, council.id)}
            submitLabel="Save contact address"
            className="mt-3 flex flex-wrap items-end gap-2"
          >
            <FormRow id="council-contactEmail" label="Contact address">
              <input
                id="council-contactEmail"
                name="contactEmail"
                type="email"
                defaultValue={council.contactEmail ?? ''}
                className={inputClass}
              />
            </FormRow>
          </ActionForm>
        </Card>
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
            <FormRow id="group-nameEn" label="Working group name in English">
              <input id="group-nameEn" name="nameEn" className={inputClass} />
            </FormRow>
            <FormRow id="group-nameRu" label="Working group name in Russian">
              <input id="group-nameRu" name="nameRu" lang="ru" className={inputClass} />
            </FormRow>
          </ActionForm>
        )}
      </section>

      <RosterSection council={council} roster={roster} groups={groups} by={by} asOf={asOf} canEdit={canEdit} />

      {canEdit && <AddMemberSection council={council} fallback={memberPicker} countries={countries} today={today} />}

      {canEdit && (
        <BulkAddSection
          council={council}
          fallback={bulkPicker}
          typed={echoedValues(query, 'bulk-organisation')}
          countries={countries}
          today={today}
        />
      )}
    </>
  );
}
