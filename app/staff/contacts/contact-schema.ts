import { z } from 'zod';
import { CONTACT_LANGUAGES } from '@/lib/domain';
import { isCountryCode } from '@/lib/countries';

const blankToNull = (value: unknown) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value);

export const contactSchema = z.object({
  name: z.string().trim().min(1, 'Enter the name.').max(200, 'Keep the name under 200 characters.'),
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address, like name@example.org.').max(320)),
  organisationId: z.preprocess(blankToNull, z.uuid('Choose an organisation from the list.').nullable()),
  country: z.preprocess(blankToNull, z.string().refine(isCountryCode, 'Choose a country from the list.').nullable()),
  language: z.enum(CONTACT_LANGUAGES, 'Choose English or Russian.'),
});
