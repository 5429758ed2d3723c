import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { AccessDenied } from '@/components/access-denied';
import { ActionForm } from '@/components/action-form';
import { getContact } from '@/db/contacts';
import { listOrganisationChoices } from '@/db/meetings';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/lib/auth/staff';
import { countryOptions } from '@/lib/countries';
import { updateContactAction } from '../actions';
import { ContactFields } from '../contact-fields';

export const metadata: Metadata = { title: 'Edit contact' };

export default async function EditContactPage({ params }: PageProps<'/staff/contacts/[id]'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/contacts/${id}`);
  if (!roleAtLeast(staff.role, 'editor')) return <AccessDenied needed="editor" />;
  const contact = z.uuid().safeParse(id).success ? await getContact({ id }) : null;
  if (!contact) notFound();
  const organisations = await listOrganisationChoices();
  return (
    <>
      <p className="text-sm">
        <Link href="/staff/contacts">← Contacts</Link>
      </p>
      <h1 className="mt-2 mb-4 text-2xl font-semibold">{contact.name}</h1>
      <ActionForm action={updateContactAction.bind(null, contact.id)} submitLabel="Save contact">
        <ContactFields
          idPrefix="contact"
          contact={contact}
          organisations={organisations}
          countries={countryOptions('en')}
        />
      </ActionForm>
    </>
  );
}
