'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { z } from 'zod';
import {
  cancelContactImport,
  chooseImportOrganisation,
  runContactImport,
  saveImportMapping,
  startContactImport,
} from '@/db/contact-import';
import { staffAction } from '@/services/actions';
import { importRefusal } from './messages';
import { IMPORT_FIELDS } from '@/lib/contact-import';

const columnChoice = z.enum([...IMPORT_FIELDS, ''], 'Choose a field from the list, or “Ignore this column”.');
const mappingSchema = z.object({
  column: z.union([columnChoice.transform((c) => [c]), z.array(columnChoice)], 'Choose what each column holds.'),
});

export const saveImportMappingAction = staffAction(
  { name: 'contactImport.saveMapping', role: 'editor', bound: z.tuple([z.uuid()]), schema: mappingSchema },
  async ({ column }, { staff, bound: [id] }) => {
    const result = await saveImportMapping(
      staff,
      id,
      column.map((c) => c || null),
    );
    if (!result.ok) return importRefusal(result);
    redirect(`/staff/contacts/import/${id}`);
  },
);

const chooseImportOrganisationOf = (afterSearch: boolean) =>
  staffAction(
    {
      name: 'contactImport.chooseOrganisation',
      role: 'editor',
      bound: z.tuple([z.uuid(), z.string().min(1).max(400)]),
      schema: z.object({ organisationId: z.union([z.literal(''), z.uuid('Choose an organisation from the list.')]) }),
    },
    async ({ organisationId }, { staff, bound: [id, key] }) => {
      const result = await chooseImportOrganisation(staff, id, key, organisationId || null);
      if (!result.ok) return importRefusal(result);
      revalidatePath(`/staff/contacts/import/${id}`);
      if (afterSearch) redirect(`/staff/contacts/import/${id}`);
      return {
        status: 'success',
        message: organisationId ? 'Rows will go to the organisation chosen.' : 'The organisation will be created.',
      };
    },
  );

export const chooseImportOrganisationAction = chooseImportOrganisationOf(false);
/**
 * The same, from the preview a no-JavaScript search reloaded: its address holds the choice as it was before the
 * search, so the clean preview follows (showing the choice saved) instead of an answer in place.
 */
export const chooseImportOrganisationAfterSearchAction = chooseImportOrganisationOf(true);

export const startContactImportAction = staffAction(
  { name: 'contactImport.start', role: 'editor', bound: z.tuple([z.uuid()]), schema: z.object({}) },
  async (_, { staff, bound: [id] }) => {
    const result = await startContactImport(staff, id);
    if (!result.ok) return importRefusal(result);
    // The rows are imported after this response, chunk by chunk; the page shows the progress.
    after(() => runContactImport(id));
    redirect(`/staff/contacts/import/${id}`);
  },
);

export const cancelContactImportAction = staffAction(
  { name: 'contactImport.cancel', role: 'editor', bound: z.tuple([z.uuid()]), schema: z.object({}) },
  async (_, { staff, bound: [id] }) => {
    const result = await cancelContactImport(staff, id);
    if (!result.ok) return importRefusal(result);
    redirect('/staff/contacts/import?cancelled=1');
  },
);
