import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ActionFieldErrors, ActionForm } from '@/components/action-form';
import { FilterSelect, ORGANISATION_TYPE_OPTIONS } from '@/components/filter-select';
import { inputClass } from '@/components/field';
import { Pagination } from '@/components/pagination';
import { Button, Card, DataTable, PageHeader, Td, Tr } from '@/components/ui';
import { CONTACTS_PAGE_SIZE, listContacts, listContactTags } from '@/db/contacts';
import { listCouncils } from '@/db/councils';
import { listWorkingGroupChoices } from '@/db/roster-bulk';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName, countryOptions } from '@/lib/countries';
import { readContactFilters } from '@/lib/directory-filters';
import { toLatin } from '@/lib/transliterate';
import { calendarDateIn } from '@/lib/datetime';
import { addMembersInBulkAction } from '../councils/actions';
import { RosterTermFields } from '../councils/roster-term-fields';
import { createContactAction, createContactAfterSearchAction } from './actions';
import { ContactFields } from './contact-fields';
import { counted, exportLabel } from '@/lib/counted';
import { PageNotice } from '@/components/form-status';
import { echoedValues, pickerFallback, pickerState } from '@/services/people-picker';

export const metadata: Metadata = { title: 'Contacts' };

export default async function ContactsPage({ searchParams }: PageProps<'/staff/contacts'>) {
  await connection();
  const staff = await requireSignedInPage('/staff/contacts');
  const params = await searchParams;
  // The add form's no-JavaScript search carries its own fields (a country among them), which are no filters.
  const filters = readContactFilters(params.find === 'new-contact' ? {} : params);
  const canEdit = roleAtLeast(staff.role, 'editor');
  const [{ contacts, total }, tags, councils, newContactPicker, rosterPicker, workingGroups] = await Promise.all([
    listContacts({ actor: staff, ...filters }),
    listContactTags({ actor: staff }),
    listCouncils({ actor: staff }),
    canEdit
      ? pickerFallback(staff, params, 'new-contact', ['organisationId'], { organisationId: 'organisations' })
      : null,
    canEdit
      ? pickerFallback(staff, params, 'bulk-roster', ['nominatedByOrganisationId'], {
          nominatedByOrganisationId: 'organisations',
        })
      : null,
    canEdit ? listWorkingGroupChoices({ actor: staff }) : [],
  ]);
  // A no-JavaScript organisation search reloads the page: the forms keep what was typed, and the ticks.
  const typedContact = echoedValues(params, 'new-contact') ?? undefined;
  const typedRoster = echoedValues(params, 'bulk-roster');
  const ticked = typedRoster ? new Set([params.contactIds ?? []].flat()) : undefined;
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
      {params.added === '1' && <PageNotice className="mt-3">Contact added.</PageNotice>}
      {canEdit && (
        <Card as="section" id="add-contact-form" aria-labelledby="add-contact" className="mt-4">
          <h2 id="add-contact" className="mb-3 text-lg font-semibold">
            Add a contact
          </h2>
          <ActionForm
            action={typedContact ? createContactAfterSearchAction : createContactAction}
            submitLabel="Add contact"
          >
            <ContactFields
              idPrefix="new-contact"
              contact={typedContact}
              organisation={{
                ...pickerState(newContactPicker?.organisationId),
                find: { action: '/staff/contacts#add-contact-form', value: 'new-contact' },
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
      {contacts.length > 0 &&
        (canEdit ? (
          <ActionForm
            action={addMembersInBulkAction}
            submitLabel="Add to the roster"
            className="flex flex-col items-start gap-3"
          >
            <ContactsTable contacts={contacts} selectable ticked={ticked} />
            <Card as="fieldset" id="bulk-roster-form" className="w-full" aria-describedby="bulk-roster-hint">
              <legend className="px-1 text-lg font-semibold">Add to a council’s roster</legend>
              <p id="bulk-roster-hint" className="text-sm text-slate-700">
                People already on the roster in those dates are skipped and counted.
              </p>
              <fieldset className="mt-2" aria-describedby="bulk-scope-error">
                <legend className="text-sm font-medium">Whom to add</legend>
                <label className="mr-4 inline-flex items-center gap-1">
                  <input type="radio" name="scope" value="selected" defaultChecked={typedRoster?.scope !== 'filter'} />{' '}
                  The people ticked in the table
                </label>
                <label className="inline-flex items-center gap-1">
                  <input type="radio" name="scope" value="filter" defaultChecked={typedRoster?.scope === 'filter'} />{' '}
                  {filtered ? 'Everyone matching the filters' : 'Everyone in the directory'} (
                  {total.toLocaleString('en')})
                </label>
                <ActionFieldErrors field="contactIds" id="bulk-scope-error" />
              </fieldset>
              {Object.entries(query).map(
                ([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />,
              )}
              <div className="mt-3">
                <RosterTermFields
                  idPrefix="bulk-roster"
                  councils={councils}
                  typed={typedRoster}
                  nominatedBy={{
                    find: { action: '/staff/contacts#bulk-roster-form', value: 'bulk-roster' },
                    fallback: rosterPicker?.nominatedByOrganisationId,
                  }}
                  countries={countries}
                  workingGroups={workingGroups}
                  today={today(staff.timeZone)}
                />
              </div>
            </Card>
          </ActionForm>
        ) : (
          <ContactsTable contacts={contacts} />
        ))}
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

const today = (zone: string | null) => {
  const { year, month, day } = calendarDateIn(new Date(), zone ?? 'Asia/Tashkent');
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

function ContactsTable({
  contacts,
  selectable = false,
  ticked,
}: {
  contacts: Awaited<ReturnType<typeof listContacts>>['contacts'];
  /** Editors tick rows for the roster form around the table; their names link to the contact's page. */
  selectable?: boolean;
  /** Rows ticked before a no-JavaScript search reloaded the page. */
  ticked?: Set<string>;
}) {
  return (
    <DataTable
      label="Contacts table"
      columns={[selectable && 'Select', 'Name', 'Position', 'Email', 'Organisation', 'Country', 'Language', 'Tags']}
    >
      {contacts.map((c) => (
        <Tr key={c.id}>
          {selectable && (
            <Td>
              <input
                type="checkbox"
                name="contactIds"
                value={c.id}
                defaultChecked={ticked?.has(c.id)}
                aria-label={`Select ${c.name}`}
                className="size-5"
              />
            </Td>
          )}
          <Td>
            {selectable ? <Link href={`/staff/contacts/${c.id}`}>{c.name}</Link> : c.name}
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
  );
}
