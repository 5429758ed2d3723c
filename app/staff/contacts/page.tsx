import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ActionForm } from '@/components/action-form';
import { FilterSelect, ORGANISATION_TYPE_OPTIONS } from '@/components/filter-select';
import { inputClass } from '@/components/field';
import { Pagination } from '@/components/pagination';
import { Button, Card, DataTable, PageHeader, Td, Tr } from '@/components/ui';
import { CONTACTS_PAGE_SIZE, listContacts, listContactTags } from '@/db/contacts';
import { listCouncils } from '@/db/councils';
import { listOrganisationChoices } from '@/db/meetings';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName, countryOptions } from '@/lib/countries';
import { readContactFilters } from '@/lib/directory-filters';
import { toLatin } from '@/lib/transliterate';
import { createContactAction } from './actions';
import { ContactFields } from './contact-fields';
import { counted, exportLabel } from '@/lib/counted';
import { PageNotice } from '@/components/form-status';

export const metadata: Metadata = { title: 'Contacts' };

export default async function ContactsPage({ searchParams }: PageProps<'/staff/contacts'>) {
  await connection();
  const staff = await requireSignedInPage('/staff/contacts');
  const params = await searchParams;
  const filters = readContactFilters(params);
  const canEdit = roleAtLeast(staff.role, 'editor');
  const [{ contacts, total }, tags, councils, organisations] = await Promise.all([
    listContacts({ actor: staff, ...filters }),
    listContactTags({ actor: staff }),
    listCouncils({ actor: staff }),
    canEdit ? listOrganisationChoices({ actor: staff }) : [],
  ]);
  const query = {
    q: filters.search,
    country: filters.country,
    type: filters.organisationType,
    tag: filters.tag,
    council: filters.councilId,
  };
  const exportQuery = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  const filtered = Object.values(query).some(Boolean);
  const countries = countryOptions('en');
  return (
    <>
      <PageHeader
        title="Contacts"
        actions={
          <p className="flex flex-wrap gap-4 text-sm">
            {canEdit && <Link href="/staff/contacts/import">Import contacts from a CSV file</Link>}
            <a href={`/staff/contacts/export${exportQuery ? `?${exportQuery}` : ''}`} download>
              {exportLabel(total, filtered, 'contact')}
            </a>
          </p>
        }
      />
      {params.saved === '1' && <PageNotice className="mt-3">Contact saved.</PageNotice>}
      {canEdit && (
        <Card as="section" aria-labelledby="add-contact" className="mt-4">
          <h2 id="add-contact" className="mb-3 text-lg font-semibold">
            Add a contact
          </h2>
          <ActionForm action={createContactAction} submitLabel="Add contact">
            <ContactFields idPrefix="new-contact" organisations={organisations} countries={countries} />
          </ActionForm>
        </Card>
      )}
      <Card
        as="form"
        method="get"
        role="search"
        aria-label="Search contacts"
        className="mt-6 grid gap-3 sm:grid-cols-3"
      >
        <div className="flex flex-col gap-1 sm:col-span-3">
          <label htmlFor="contact-search" className="text-sm font-medium">
            Name, email or organisation
          </label>
          <p id="contact-search-hint" className="text-sm text-slate-700">
            Latin or Cyrillic: “Ismoilov” also finds “Исмоилов”.
          </p>
          <input
            id="contact-search"
            name="q"
            type="search"
            defaultValue={filters.search ?? ''}
            aria-describedby="contact-search-hint"
            className={inputClass}
          />
        </div>
        <FilterSelect
          id="contact-country"
          name="country"
          label="Country"
          value={filters.country}
          options={[{ code: 'none', name: 'No country (international)' }, ...countries].map((c) => ({
            value: c.code,
            label: c.name,
          }))}
        />
        <FilterSelect
          id="contact-type"
          name="type"
          label="Type of organisation"
          value={filters.organisationType}
          options={ORGANISATION_TYPE_OPTIONS}
        />
        <FilterSelect
          id="contact-tag"
          name="tag"
          label="Tag"
          value={filters.tag}
          options={tags.map((tag) => ({ value: tag, label: tag }))}
        />
        <FilterSelect
          id="contact-council"
          name="council"
          label="On the roster of"
          value={filters.councilId}
          options={councils.map((c) => ({ value: c.id, label: c.nameEn }))}
        />
        <div className="flex items-end gap-3 sm:col-span-2">
          <Button>Search</Button>
          {filtered && <Link href="/staff/contacts">Clear the search and filters</Link>}
        </div>
      </Card>
      <p className="mt-3 text-sm text-slate-700" role="status">
        {counted(total, 'contact')}
        {filters.search && ` matching “${filters.search}”`}
        {filtered && !filters.search && ' matching the filters'}.
      </p>
      {contacts.length > 0 && (
        <DataTable
          label="Contacts table"
          columns={['Name', 'Position', 'Email', 'Organisation', 'Country', 'Language', 'Tags']}
        >
          {contacts.map((c) => (
            <Tr key={c.id}>
              <Td>
                {canEdit ? <Link href={`/staff/contacts/${c.id}`}>{c.name}</Link> : c.name}
                {(c.nameLatin || toLatin(c.name)) !== c.name && (
                  <span className="block text-xs text-slate-700">{c.nameLatin || toLatin(c.name)}</span>
                )}
              </Td>
              <Td className="whitespace-pre-line">{c.title ?? '—'}</Td>
              <Td>{c.email}</Td>
              <Td>{c.organisation ?? '—'}</Td>
              <Td>{c.country ? countryName(c.country, 'en') : '—'}</Td>
              <Td>{c.language === 'ru' ? 'Russian' : 'English'}</Td>
              <Td>{c.tags.length ? c.tags.join(', ') : '—'}</Td>
            </Tr>
          ))}
        </DataTable>
      )}
      <Pagination
        label="Contact pages"
        basePath="/staff/contacts"
        params={query}
        page={filters.page}
        pageSize={CONTACTS_PAGE_SIZE}
        total={total}
      />
    </>
  );
}
