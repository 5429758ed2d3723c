import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ActionForm } from '@/components/action-form';
import { inputClass } from '@/components/field';
import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { listContacts } from '@/db/contacts';
import { listOrganisationChoices } from '@/db/meetings';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/lib/auth/staff';
import { countryName, countryOptions } from '@/lib/countries';
import { createContactAction } from './actions';
import { ContactFields } from './contact-fields';

export const metadata: Metadata = { title: 'Contacts' };

export default async function ContactsPage({ searchParams }: PageProps<'/staff/contacts'>) {
  await connection();
  const staff = await requireSignedInPage('/staff/contacts');
  const params = await searchParams;
  const search = typeof params.q === 'string' ? params.q.trim().slice(0, 200) : '';
  const canEdit = roleAtLeast(staff.role, 'editor');
  const [contacts, organisations] = await Promise.all([listContacts({ search: search || undefined }), canEdit ? listOrganisationChoices() : []]);
  return (
    <>
      <h1 className="text-2xl font-semibold">Contacts</h1>
      {params.saved === '1' && (
        <p role="status" className="mt-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          Contact saved.
        </p>
      )}
      {canEdit && (
        <section aria-labelledby="add-contact" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-contact" className="mb-3 text-lg font-semibold">
            Add a contact
          </h2>
          <ActionForm action={createContactAction} submitLabel="Add contact">
            <ContactFields
              idPrefix="new-contact"
              organisations={organisations}
              countries={countryOptions('en')}
            />
          </ActionForm>
        </section>
      )}
      <form method="get" role="search" aria-label="Search contacts" className="mt-6 flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="contact-search" className="text-sm font-medium">
            Name or email
          </label>
          <input id="contact-search" name="q" type="search" defaultValue={search} className={inputClass} />
        </div>
        <button type="submit" className="min-h-10 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          Search
        </button>
      </form>
      <p className="mt-3 text-sm text-slate-700" aria-live="polite">
        {contacts.length} contact{contacts.length === 1 ? '' : 's'}
        {search && ` matching “${search}”`}.
      </p>
      {contacts.length > 0 && (
        <TableScroll label="Contacts table">
          <table className="w-full text-left text-sm">
            <TableHead columns={['Name', 'Email', 'Organisation', 'Country', 'Language']} />
            <tbody>
              {contacts.map((c) => (
                <tr key={c.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">{canEdit ? <Link href={`/staff/contacts/${c.id}`}>{c.name}</Link> : c.name}</td>
                  <td className="px-3 py-2">{c.email}</td>
                  <td className="px-3 py-2">{c.organisation ?? '—'}</td>
                  <td className="px-3 py-2">{c.country ? countryName(c.country, 'en') : '—'}</td>
                  <td className="px-3 py-2">{c.language === 'ru' ? 'Russian' : 'English'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
