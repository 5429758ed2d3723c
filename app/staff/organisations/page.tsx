import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ActionForm } from '@/components/action-form';
import { FilterSelect, ORGANISATION_TYPE_OPTIONS } from '@/components/filter-select';
import { FormRow, inputClass } from '@/components/field';
import { Pagination } from '@/components/pagination';
import { PageNotice } from '@/components/form-status';
import { Button, Card, DataTable, PageHeader, Td, Tr } from '@/components/ui';
import { echoedValues, pickerFallback, pickerState } from '@/services/people-picker';
import { listOrganisations, ORGANISATIONS_PAGE_SIZE } from '@/db/organisations';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName, countryOptions } from '@/lib/countries';
import { readOrganisationFilters } from '@/lib/directory-filters';
import { ORGANISATION_TYPE_LABELS } from '@/lib/domain';
import { missingRussian } from '@/lib/organisation-label';
import { createOrganisationAction, createOrganisationAfterSearchAction } from './actions';
import { OrganisationFields } from './organisation-fields';
import { RussianGap } from './russian-gap';
import { counted, exportLabel } from '@/lib/counted';

export const metadata: Metadata = { title: 'Organisations' };

export default async function OrganisationsPage({ searchParams }: PageProps<'/staff/organisations'>) {
  await connection();
  const staff = await requireSignedInPage('/staff/organisations');
  const params = await searchParams;
  // The add form's no-JavaScript search carries its own fields (country, type), which are no filters.
  const filters = readOrganisationFilters(params.find === 'new-organisation' ? {} : params);
  const canEdit = roleAtLeast(staff.role, 'editor');
  const [{ organisations, total }, parentPicker] = await Promise.all([
    listOrganisations({ actor: staff, ...filters }),
    canEdit ? pickerFallback(staff, params, 'new-organisation', ['parentId'], { parentId: 'organisations' }) : null,
  ]);
  // A no-JavaScript search for the parent reloads the page: the new organisation's fields keep what was typed.
  const typedOrganisation = echoedValues(params, 'new-organisation') ?? undefined;
  const query = {
    q: filters.search,
    country: filters.country,
    type: filters.type,
    russian: filters.missingRussian ? 'missing' : undefined,
  };
  const exportQuery = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  const filtered = Object.values(query).some(Boolean);
  const countries = countryOptions('en');
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <PageHeader title="Organisations" />
        <a href={`/staff/organisations/export${exportQuery ? `?${exportQuery}` : ''}`} download className="text-sm">
          {exportLabel(total, filtered, 'organisation')}
        </a>
      </div>
      {params.added === '1' && <PageNotice className="mt-3">Organisation added.</PageNotice>}
      {canEdit && (
        <Card as="section" id="add-organisation-form" aria-labelledby="add-organisation" className="mt-4">
          <h2 id="add-organisation" className="mb-3 text-lg font-semibold">
            Add an organisation
          </h2>
          <ActionForm
            action={typedOrganisation ? createOrganisationAfterSearchAction : createOrganisationAction}
            submitLabel="Add organisation"
          >
            <OrganisationFields
              idPrefix="new-organisation"
              organisation={typedOrganisation}
              parent={{
                ...pickerState(parentPicker?.parentId),
                find: { action: '/staff/organisations#add-organisation-form', value: 'new-organisation' },
              }}
              countries={countries}
            />
          </ActionForm>
        </Card>
      )}
      <Card
        as="form"
        method="get"
        role="search"
        aria-label="Search organisations"
        className="mt-6 grid gap-3 sm:grid-cols-3"
      >
        <FormRow id="organisation-search" label="Name or acronym">
          <input
            id="organisation-search"
            name="q"
            type="search"
            defaultValue={filters.search ?? ''}
            className={inputClass}
          />
        </FormRow>
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
        <FilterSelect
          id="organisation-russian"
          name="russian"
          label="Russian name and acronym"
          value={query.russian}
          options={[{ value: 'missing', label: 'Missing (Russian texts use the English)' }]}
        />
        <div className="flex items-end gap-3 sm:col-span-3">
          <Button>Search</Button>
          {filtered && <Link href="/staff/organisations">Clear the search and filters</Link>}
        </div>
      </Card>
      <p className="mt-3 text-sm text-slate-700" role="status">
        {counted(total, 'organisation')}
        {filtered ? ' matching' : ''}.
      </p>
      {organisations.length > 0 && (
        <DataTable label="Organisations table" columns={['Name', 'Acronym', 'Type', 'Country', 'Part of', 'Contacts']}>
          {organisations.map((o) => (
            <Tr key={o.id}>
              <Td>
                <Link href={`/staff/organisations/${o.id}`}>{o.nameEn}</Link>
                {o.nameRu ? (
                  <span lang="ru" className="block text-xs text-slate-700">
                    {o.nameRu}
                  </span>
                ) : (
                  <RussianGap>no Russian name</RussianGap>
                )}
              </Td>
              <Td>
                {o.acronym ?? '—'}
                {o.acronymRu ? (
                  <span lang="ru" className="block text-xs text-slate-700">
                    {o.acronymRu}
                  </span>
                ) : (
                  missingRussian(o).acronym && <RussianGap>no Russian acronym</RussianGap>
                )}
              </Td>
              <Td>{ORGANISATION_TYPE_LABELS[o.type]}</Td>
              <Td>{o.country ? countryName(o.country, 'en') : 'International'}</Td>
              <Td>{o.parent ?? '—'}</Td>
              <Td>
                {o.contactCount > 0 ? (
                  <Link href={`/staff/contacts?q=${encodeURIComponent(o.acronym ?? o.nameEn)}`}>
                    {o.contactCount.toLocaleString('en')}
                  </Link>
                ) : (
                  '0'
                )}
              </Td>
            </Tr>
          ))}
        </DataTable>
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
