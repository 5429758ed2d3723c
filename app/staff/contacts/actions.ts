'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getContact, mergeContacts, saveContact } from '@/db/contacts';
import { erasePerson } from '@/db/participants';
import { staffAction } from '@/services/actions';
import { contactRefusal } from './messages';
import { contactSchema, mergeSchema } from '@/lib/schemas/contact';

const createContact = (afterSearch: boolean) =>
  staffAction({ name: 'contacts.create', role: 'editor', schema: contactSchema }, async (values, { staff }) => {
    const result = await saveContact(staff, null, values);
    if (!result.ok) return contactRefusal(result);
    revalidatePath('/staff/contacts');
    if (afterSearch) redirect('/staff/contacts?added=1');
    return { status: 'success', message: `${values.name} was added to the contacts.` };
  });

export const createContactAction = createContact(false);
/**
 * The same, from the page a no-JavaScript organisation search reloaded: its address holds what was typed, so a clean
 * page follows instead of an answer in place (which would show the contact just added as if still to add).
 */
export const createContactAfterSearchAction = createContact(true);

export const updateContactAction = staffAction(
  { name: 'contacts.update', role: 'editor', bound: z.tuple([z.uuid()]), schema: contactSchema },
  async (values, { staff, bound: [id] }) => {
    const result = await saveContact(staff, id, values);
    if (!result.ok) return contactRefusal(result);
    revalidatePath('/staff/contacts');
    redirect('/staff/contacts?saved=1');
  },
);

/** Folds the chosen duplicate into the contact whose page this is (bound). */
export const mergeContactAction = staffAction(
  { name: 'contacts.merge', role: 'editor', bound: z.tuple([z.uuid()]), schema: mergeSchema },
  async ({ mergeId }, { staff, bound: [keepId] }) => {
    const result = await mergeContacts(staff, { keepId, mergeId });
    if (!result.ok) {
      return {
        status: 'error',
        message:
          result.reason === 'same'
            ? 'A contact cannot be merged with itself.'
            : 'One of the two contacts no longer exists.',
      };
    }
    revalidatePath('/staff/contacts');
    redirect(`/staff/contacts/${keepId}?merged=1`);
  },
);

/**
 * Erasure on request (admins): the person's data goes from everywhere it is held; anonymous counts stay. Confirmed
 * by typing the contact's address, since nothing brings the data back.
 */
export const eraseContactAction = staffAction(
  {
    name: 'contacts.erase',
    role: 'admin',
    bound: z.tuple([z.uuid()]),
    schema: z.object({
      confirmEmail: z.string().trim().toLowerCase().min(1, 'Type the contact’s email address to confirm.'),
    }),
  },
  async ({ confirmEmail }, { staff, bound: [id] }) => {
    const contact = await getContact({ actor: staff, id });
    if (!contact) return { status: 'error', message: 'This contact no longer exists.' };
    if (confirmEmail !== contact.email)
      return {
        status: 'error',
        message: 'Nothing was erased.',
        fieldErrors: { confirmEmail: ['This is not the contact’s email address.'] },
      };
    const result = await erasePerson(staff, id);
    if (!result.ok) return { status: 'error', message: 'This contact no longer exists.' };
    revalidatePath('/staff/contacts');
    redirect(`/staff/contacts/${id}?erased=1`);
  },
);
