import { z } from 'zod';
import { parseTags } from '@/lib/contact-import';
import { CONTACT_LANGUAGES } from '@/lib/domain';
import { isCountryCode } from '@/lib/countries';
import { COURTESY_TITLES, GRAMMATICAL_GENDERS } from '@/lib/courtesy';
import { keysOf } from './fields';

// A directory contact: the one place its fields are named. The contact forms (app/staff/contacts/) post these
// fields, their actions parse them, and the data layer (db/contacts.ts) saves, audits and merges the output.

const blankToNull = (value: unknown) =>
  value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value;
const optionalText = (max: number, label: string) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `Keep the ${label} under ${max} characters.`).nullable());

export const contactSchema = z.object({
  name: z.string().trim().min(1, 'Enter the name.').max(200, 'Keep the name under 200 characters.'),
  nameLatin: optionalText(200, 'Latin name').refine(
    (v) => v === null || !/[\u0400-\u04FF]/.test(v),
    'Write the Latin form in Latin letters.',
  ),
  title: optionalText(200, 'position'),
  courtesyTitle: z.preprocess(
    blankToNull,
    z.enum(COURTESY_TITLES, 'Choose Mr., Ms., Dr., Prof., H.E. or none.').nullable(),
  ),
  grammaticalGender: z.preprocess(
    blankToNull,
    z.enum(GRAMMATICAL_GENDERS, 'Choose masculine, feminine or not given.').nullable(),
  ),
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address, like name@example.org.').max(320)),
  phone: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(50, 'Keep the phone number under 50 characters.')
      .regex(
        /^[+0-9][0-9 ()./-]*(\s*(ext\.?|доб\.?)\s*[0-9]+)?$/i,
        'Write the phone number with digits, spaces and + ( ) - only.',
      )
      .nullable(),
  ),
  organisationId: z.preprocess(blankToNull, z.uuid('Choose an organisation from the list.').nullable()),
  country: z.preprocess(blankToNull, z.string().refine(isCountryCode, 'Choose a country from the list.').nullable()),
  language: z.enum(CONTACT_LANGUAGES, 'Choose English or Russian.'),
  tags: z
    .string()
    .default('')
    .transform(parseTags)
    .refine((tags) => tags.length <= 20, 'Give at most 20 tags.'),
  notes: z.string().trim().max(5000, 'Keep the notes under 5,000 characters.').default(''),
});

/** A contact as the data layer saves it. */
export type ContactValues = z.output<typeof contactSchema>;
export type ContactField = keyof ContactValues;
export const CONTACT_FIELDS = keysOf(contactSchema.shape);

export const mergeSchema = z.object({ mergeId: z.uuid('Choose the duplicate to merge.') });
