import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { MergeSection } from '@/components/merge-section';
import { Notice, PageHeader } from '@/components/ui';
import { echoedValues, pickerFallback, pickerState } from '@/services/people-picker';
import { findOrganisationDuplicates, getOrganisation, getOrganisationChoices } from '@/db/organisations';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName, countryOptions } from '@/lib/countries';
import { ORGANISATION_TYPE_LABELS } from '@/lib/domain';
import { missingRussian } from '@/lib/organisation-label';
import { mergeOrganisationAction, updateOrganisationAction } from '../actions';
import { OrganisationFields, organisationDefaults } from '../organisation-fields';
import { counted } from '@/lib/counted';
import { PageNotice } from '@/components/form-status';

export const metadata: Metadata = { title: 'Organisation' };

export default async function OrganisationPage({ params, searchParams }: PageProps<'/staff/organisations/[id]'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/organisations/${id}`);
  const organisation = z.uuid().safeParse(id).success ? await getOrganisation({ actor: staff, id }) : null;
  if (!organisation) notFound();
  const canEdit = roleAtLeast(staff.role, 'editor');
  const query = await searchParams;
  const duplicateSearch = typeof query.dup === 'string' ? query.dup.trim().slice(0, 200) : '';
  const [parentPicker, currentParent, duplicates] = canEdit
    ? await Promise.all([
        pickerFallback(staff, query, 'organisation', ['parentId'], { parentId: 'organisations' }),
        getOrganisationChoices({ actor: staff, ids: organisation.parentId ? [organisation.parentId] : [] }),
        findOrganisationDuplicates({ actor: staff, id, search: duplicateSearch || undefined }),
      ])
    : [null, [], []];
  const { links } = organisation;
  const gaps = missingRussian(organisation);
  return (
    <>
      <PageHeader
        back={{ href: '/staff/organisations', label: '← Organisations' }}
        title={
          <>
            {organisation.nameEn}
            {organisation.acronym && ` (${organisation.acronym})`}
          </>
        }
      />
      {(organisation.nameRu || organisation.acronymRu) && (
        <p lang="ru" className="text-slate-700">
          {organisation.nameRu}
          {organisation.acronymRu && ` (${organisation.acronymRu})`}
        </p>
      )}
      {(gaps.name || gaps.acronym) && (
        <Notice tone="warning" className="mt-2">
          {gaps.name && gaps.acronym
            ? 'No Russian name or acronym'
            : gaps.name
              ? 'No Russian name'
              : 'No Russian acronym'}
          : Russian pages and emails show the English one until you add it below.
        </Notice>
      )}
      <p className="mt-1 text-sm text-slate-700">
        {ORGANISATION_TYPE_LABELS[organisation.type]} ·{' '}
        {organisation.country ? countryName(organisation.country, 'en') : 'International'}
        {organisation.parent && (
          <>
            {' '}
            · part of{' '}
            <Link href={`/staff/organisations/${organisation.parent.id}`}>
              {organisation.parent.acronym ?? organisation.parent.nameEn}
            </Link>
          </>
        )}
      </p>
      {query.saved === '1' && <PageNotice className="mt-3">Organisation saved.</PageNotice>}
      {query.merged === '1' && (
        <PageNotice className="mt-3">The duplicate was merged into this organisation.</PageNotice>
      )}
      <section aria-labelledby="links" className="mt-4">
        <h2 id="links" className="text-lg font-semibold">
          Linked to
        </h2>
        <ul className="mt-2 list-disc pl-6">
          <li>
            {links.contacts > 0 ? (
              <Link href={`/staff/contacts?q=${encodeURIComponent(organisation.acronym ?? organisation.nameEn)}`}>
                {counted(links.contacts, 'contact', 'contacts')}
              </Link>
            ) : (
              'no contacts'
            )}
          </li>
          <li>{counted(links.meetings, 'meeting', 'meetings')}</li>
          <li>{counted(links.nominations, 'roster nomination', 'roster nominations')}</li>
          {links.councils > 0 && <li>secretariat of {counted(links.councils, 'council', 'councils')}</li>}
          {organisation.departments.length > 0 && (
            <li>
              departments:{' '}
              {organisation.departments.map((d, i) => (
                <span key={d.id}>
                  {i > 0 && ', '}
                  <Link href={`/staff/organisations/${d.id}`}>{d.acronym ?? d.nameEn}</Link>
                </span>
              ))}
            </li>
          )}
        </ul>
      </section>
      {canEdit ? (
        <>
          <section aria-labelledby="details" className="mt-6">
            <h2 id="details" className="mb-3 text-lg font-semibold">
              Details
            </h2>
            <ActionForm
              key={organisation.updatedAt.toISOString()}
              action={updateOrganisationAction.bind(null, organisation.id)}
              submitLabel="Save organisation"
            >
              <OrganisationFields
                idPrefix="organisation"
                // A no-JavaScript search for the parent reloads the page: the fields keep what was typed.
                organisation={echoedValues(query, 'organisation') ?? organisationDefaults(organisation)}
                parent={{
                  ...pickerState(parentPicker?.parentId, currentParent),
                  find: { action: `/staff/organisations/${organisation.id}#details`, value: 'organisation' },
                }}
                countries={countryOptions('en')}
              />
            </ActionForm>
          </section>
          <MergeSection
            heading="Merge a duplicate into this organisation"
            explanation="Its contacts, meetings, roster nominations and departments move here; fields blank here are filled from it; then the duplicate is deleted."
            searchLabel="Find the duplicate by name or acronym"
            search={duplicateSearch}
            noun="organisation"
            similarText="this name or acronym"
            merge={mergeOrganisationAction.bind(null, organisation.id)}
            candidates={duplicates.map((d) => ({
              id: d.id,
              mergeLabel: `Merge “${d.acronym ?? d.nameEn}” into this organisation`,
              description: (
                <>
                  <Link href={`/staff/organisations/${d.id}`}>{d.nameEn}</Link>
                  {d.acronym && ` (${d.acronym})`}
                  {d.country && ` · ${countryName(d.country, 'en')}`}
                </>
              ),
            }))}
          />
        </>
      ) : organisation.website || organisation.notes ? (
        <section aria-labelledby="details" className="mt-6">
          <h2 id="details" className="text-lg font-semibold">
            Details
          </h2>
          {organisation.website && (
            <p className="mt-2">
              <a href={organisation.website}>{organisation.website}</a>
            </p>
          )}
          {organisation.notes && <p className="mt-2 whitespace-pre-line">{organisation.notes}</p>}
        </section>
      ) : null}
    </>
  );
}
