import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ActionForm } from '@/components/action-form';
import { FilterSelect, ORGANISATION_TYPE_OPTIONS } from '@/components/filter-select';
import { inputClass } from '@/components/field';
import { Pagination } from '@/components/pagination';
import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { listOrganisationChoices } from '@/db/meetings';
import { listOrganisations, ORGANISATIONS_PAGE_SIZE } from '@/db/organisations';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName, countryOptions } from '@/lib/countries';
import { readOrganisationFilters } from '@/lib/directory-filters';
import { ORGANISATION_TYPE_LABELS } from '@/lib/domain';
import { createOrganisationAction } from './actions';
import { OrganisationFields } from './organisation-fields';

export const metadata: Metadata = { title: 'Organisations' };

export default async function OrganisationsPage({ searchParams }: PageProps<'/staff/organisations'>) {
  await connection();
  const staff = await requireSignedInPage('/staff/organisations');
  const filters = readOrganisationFilters(await searchParams);
  const canEdit = roleAtLeast(staff.role, 'editor');
  const [{ organisations, total }, parents] = await Promise.all([
    listOrganisations({ actor: staff, ...filters }),
    canEdit ? listOrganisationChoices({ actor: staff }) : [],
  ]);
  const query = { q: filters.search, country: filters.country, type: filters.type };
  const exportQuery = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  const filtered = Object.values(query).some(Boolean);
  const countries = countryOptions('en');
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">Organisations</h1>
        <a href={`/staff/organisations/export${exportQuery ? `?${exportQuery}` : ''}`} download className="text-sm">
          Export {filtered ? 'these' : 'all'} {total.toLocaleString('en')} organisation{total === 1 ? '' : 's'} as CSV
        </a>
      </div>
      {canEdit && (
        <section aria-labelledby="add-organisation" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-organisation" className="mb-3 text-lg font-semibold">
            Add an organisation
          </h2>
          <ActionForm action={createOrganisationAction} submitLabel="Add organisation">
            <OrganisationFields idPrefix="new-organisation" parents={parents} countries={countries} />
          </ActionForm>
        </section>
      )}
      <form
        method="get"
        role="search"
        aria-label="Search organisations"
        className="mt-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="organisation-search" className="text-sm font-medium">
            Name or acronym
          </label>
          <input
            id="organisation-search"
            name="q"
            type="search"
            defaultValue={filters.search ?? ''}
            className={inputClass}
          />
        </div>
        <FilterSelect
          id="organisation-country"
          name="country"
          label="Country"
          value={filters.country}
          options={[{ code: 'none', name: 'None (international)' }, ...countries].map((c) => ({
            value: c.code,
            label: c.name,
          }))}
        />
        <FilterSelect
          id="organisation-type"
          name="type"
          label="Type"
          value={filters.type}
          options={ORGANISATION_TYPE_OPTIONS}
        />
        <div className="flex items-end gap-3 sm:col-span-3">
          <button
            type="submit"
            className="min-h-10 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            Search
          </button>
          {filtered && <Link href="/staff/organisations">Clear the search and filters</Link>}
        </div>
      </form>
      <p className="mt-3 text-sm text-slate-700" role="status">
        {total.toLocaleString('en')} organisation{total === 1 ? '' : 's'}
        {filtered ? ' matching' : ''}.
      </p>
      {organisations.length > 0 && (
        <TableScroll label="Organisations table">
          <table className="w-full text-left text-sm">
            <TableHead columns={['Name', 'Acronym', 'Type', 'Country', 'Part of', 'Contacts']} />
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">
                    <Link href={`/staff/organisations/${o.id}`}>{o.nameEn}</Link>
                    {o.nameRu && (
                      <span lang="ru" className="block text-xs text-slate-700">
                        {o.nameRu}
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2">{o.acronym ?? '—'}</td>
                  <td className="px-3 py-2">{ORGANISATION_TYPE_LABELS[o.type]}</td>
                  <td className="px-3 py-2">{o.country ? countryName(o.country, 'en') : 'International'}</td>
                  <td className="px-3 py-2">{o.parent ?? '—'}</td>
                  <td className="px-3 py-2">
                    {o.contactCount > 0 ? (
                      <Link href={`/staff/contacts?q=${encodeURIComponent(o.acronym ?? o.nameEn)}`}>
                        {o.contactCount.toLocaleString('en')}
                      </Link>
                    ) : (
                      '0'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination
        label="Organisation pages"
        basePath="/staff/organisations"
        params={query}
        page={filters.page}
        pageSize={ORGANISATIONS_PAGE_SIZE}
        total={total}
      />
    </>
  );
}
