import { z } from 'zod';
import { isCountryCode } from '@/lib/countries';

// A delegation's forms: the focal point's nomination, staff's invitation of a delegation, and a declining delegate's
// substitute. Messages are codes (`required`, `email`, `tooLong`, `latin`), worded by each page in its language.
// Pure (zod only).

/** Courtesy titles in UN style, with full stops; '' for none. */
export const COURTESY_TITLES = ['', 'Mr.', 'Ms.', 'Dr.', 'Prof.', 'H.E.'] as const;

const requiredText = (max: number) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'tooLong');
const optionalText = (max: number) => z.string().trim().max(max, 'tooLong').default('');
const email = z.string({ error: 'required' }).trim().toLowerCase().min(1, 'required').pipe(z.email('email'));
const language = z.enum(['en', 'ru'], { error: 'required' });

export const nomineeSchema = z.object({
  title: z.enum(COURTESY_TITLES).default(''),
  passportName: requiredText(200).regex(/^[A-Za-z][A-Za-z .,'-]*$/, 'latin'),
  displayName: requiredText(200),
  position: optionalText(200),
  email,
  language,
  head: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
});

/**
 * The decline form: an optional reason (a code, as in lib/schemas/registration.ts: the page words it), and the
 * substitute a declining delegate may propose, all of name and email or nothing (`substitute` null when none).
 */
export const declineSchema = z
  .object({
    reason: z.string().trim().max(1000, 'tooLong').default(''),
    substituteName: optionalText(200),
    substituteEmail: z.string().trim().toLowerCase().default(''),
    substitutePosition: optionalText(200),
    substituteLanguage: z.enum(['en', 'ru']).default('en'),
  })
  .superRefine((v, ctx) => {
    if (!v.substituteName && !v.substituteEmail) return;
    if (!v.substituteName) ctx.addIssue({ code: 'custom', path: ['substituteName'], message: 'incomplete' });
    if (!z.email().safeParse(v.substituteEmail).success)
      ctx.addIssue({
        code: 'custom',
        path: ['substituteEmail'],
        message: v.substituteEmail ? 'email' : 'incomplete',
      });
  })
  .transform(({ substituteName, substituteEmail, substitutePosition, substituteLanguage, ...rest }) => ({
    ...rest,
    substitute: substituteName
      ? { name: substituteName, email: substituteEmail, position: substitutePosition, language: substituteLanguage }
      : null,
  }));

/** Staff's invitation of a delegation. */
export const delegationSchema = z
  .object({
    kind: z.enum(['state', 'organisation']),
    countryCode: z.string().trim().default(''),
    organisationId: z.string().trim().default(''),
    focalPointContactId: z.uuid('Choose the focal point.'),
    quota: z.coerce.number().int('A whole number.').min(1, 'At least 1.').max(100, 'At most 100.'),
    // A calendar date: the deadline is its end in the meeting's time zone (the action converts it).
    nominationDeadline: z
      .string()
      .trim()
      .default('')
      .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), 'A date.')
      .transform((v) => v || null),
    addresseeEn: z.string().trim().min(1, 'Required.').max(300, 'Too long.'),
    addresseeRu: z.string().trim().min(1, 'Required.').max(300, 'Too long.'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'state' && !isCountryCode(v.countryCode))
      ctx.addIssue({ code: 'custom', path: ['countryCode'], message: 'Choose the state.' });
    if (v.kind === 'organisation' && !z.uuid().safeParse(v.organisationId).success)
      ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'Choose the organisation.' });
  })
  .transform((v) => ({
    ...v,
    countryCode: v.kind === 'state' ? v.countryCode : null,
    organisationId: v.kind === 'organisation' ? v.organisationId : null,
  }));
