import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { ActionForm } from '@/components/action-form';
import { inputClass } from '@/components/field';
import { listOrganisationChoices } from '@/db/meetings';
import { findOrganisationDuplicates, getOrganisation } from '@/db/organisations';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/lib/auth/staff';
import { countryName, countryOptions } from '@/lib/countries';
import { ORGANISATION_TYPE_LABELS } from '@/lib/domain';
import { mergeOrganisationAction, updateOrganisationAction } from '../actions';
import { OrganisationFields } from '../organisation-fields';

export const metadata: Metadata = { title: 'Organisation' };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export default async function OrganisationPage({ params, searchParams }: PageProps<'/staff/organisations/[id]'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/organisations/${id}`);
  const organisation = z.uuid().safeParse(id).success ? await getOrganisation({ id }) : null;
  if (!organisation) notFound();
  const canEdit = roleAtLeast(staff.role, 'editor');
  const query = await searchParams;
  const duplicateSearch = typeof query.dup === 'string' ? query.dup.trim().slice(0, 200) : '';
  const [parents, duplicates] = canEdit
    ? await Promise.all([listOrganisationChoices(), findOrganisationDuplicates({ id, search: duplicateSearch || undefined })])
    : [[], []];
  const { links } = organisation;
  return (
    <>
      <p className="text-sm">
        <Link href="/staff/organisations">← Organisations</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">
        {organisation.nameEn}
        {organisation.acronym && ` (${organisation.acronym})`}
      </h1>
      {organisation.nameRu && (
        <p lang="ru" className="text-slate-700">
          {organisation.nameRu}
        </p>
      )}
      <p className="mt-1 text-sm text-slate-700">
        {ORGANISATION_TYPE_LABELS[organisation.type]} · {organisation.country ? countryName(organisation.country, 'en') : 'International'}
        {organisation.parent && (
          <>
            {' '}
            · part of <Link href={`/staff/organisations/${organisation.parent.id}`}>{organisation.parent.acronym ?? organisation.parent.nameEn}</Link>
          </>
        )}
      </p>
      {query.merged === '1' && (
        <p role="status" className="mt-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          The duplicate was merged into this organisation.
        </p>
      )}
      <section aria-labelledby="links" className="mt-4">
        <h2 id="links" className="text-lg font-semibold">
          Linked to
        </h2>
        <ul className="mt-2 list-disc pl-6">
          <li>
            {links.contacts > 0 ? (
              <Link href={`/staff/contacts?q=${encodeURIComponent(organisation.acronym ?? organisation.nameEn)}`}>{plural(links.contacts, 'contact', 'contacts')}</Link>
            ) : (
              'no contacts'
            )}
          </li>
          <li>{plural(links.meetings, 'meeting', 'meetings')}</li>
          <li>{plural(links.nominations, 'roster nomination', 'roster nominations')}</li>
          {links.councils > 0 && <li>secretariat of {plural(links.councils, 'council', 'councils')}</li>}
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
            <ActionForm key={organisation.updatedAt.toISOString()} action={updateOrganisationAction.bind(null, organisation.id)} submitLabel="Save organisation">
              <OrganisationFields idPrefix="organisation" organisation={organisation} parents={parents} countries={countryOptions('en')} />
            </ActionForm>
          </section>
          <section aria-labelledby="merge" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="merge" className="text-lg font-semibold">
              Merge a duplicate into this organisation
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              Its contacts, meetings, roster nominations and departments move here; fields blank here are filled from it; then the
              duplicate is deleted.
            </p>
            <form method="get" role="search" aria-label="Find a duplicate" className="mt-3 flex flex-wrap items-end gap-2">
              <div className="flex flex-col gap-1">
                <label htmlFor="duplicate-search" className="text-sm font-medium">
                  Find the duplicate by name or acronym
                </label>
                <input id="duplicate-search" name="dup" type="search" defaultValue={duplicateSearch} className={inputClass} />
              </div>
              <button type="submit" className="min-h-10 rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">
                Find
              </button>
            </form>
            <p className="mt-3 text-sm text-slate-700">
              {duplicates.length === 0
                ? duplicateSearch
                  ? `No other organisation matches “${duplicateSearch}”.`
                  : 'No other organisation has this name or acronym. Search above to find a duplicate.'
                : duplicateSearch
                  ? `Organisations matching “${duplicateSearch}”:`
                  : 'Organisations with this name or acronym:'}
            </p>
            <ul className="mt-2 space-y-2">
              {duplicates.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-3">
                  <span>
                    <Link href={`/staff/organisations/${d.id}`}>{d.nameEn}</Link>
                    {d.acronym && ` (${d.acronym})`}
                    {d.country && ` · ${countryName(d.country, 'en')}`}
                  </span>
                  <ActionForm action={mergeOrganisationAction.bind(null, organisation.id)} submitLabel={`Merge “${d.acronym ?? d.nameEn}” into this organisation`} variant="secondary">
                    <input type="hidden" name="mergeId" value={d.id} />
                  </ActionForm>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        organisation.website || organisation.notes ? (
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
        ) : null
      )}
    </>
  );
}
