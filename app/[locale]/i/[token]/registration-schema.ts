import { z } from 'zod';
import { isCountryCode } from '@/lib/countries';

// The registration form's fields. Messages are codes (`tooLong:200`), put into the page's language by the form
// (components read them through the Registration.error messages), so one schema serves both languages.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: string) =>
  ISO_DATE.test(v) &&
  !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

const optionalText = (max: number) => z.string().trim().max(max, `tooLong:${max}`).default('');
const requiredText = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, 'required').max(max, `tooLong:${max}`);
const optionalDate = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || isDate(v), 'date')
  .transform((v) => v || null);

/** What the page says after a registration step (its `?done=` parameter). */
export const DONE = ['registered', 'waitlisted', 'changed', 'unchanged', 'cancelled', 'seat'] as const;
export type Done = (typeof DONE)[number];

export const VISA_FIELDS = ['nationality', 'passportNumber', 'dateOfBirth', 'passportExpiry'] as const;

export const registrationSchema = z
  .object({
    passportName: requiredText(200).regex(/^[A-Za-z][A-Za-z .,'-]*$/, 'latin'),
    displayName: requiredText(200),
    title: optionalText(200),
    organisationName: requiredText(300),
    country: z.string({ error: 'country' }).trim().refine(isCountryCode, 'country'),
    phone: requiredText(40).regex(/^\+?[0-9 ()\-.]{5,}$/, 'phone'),
    arrivalDate: optionalDate,
    departureDate: optionalDate,
    accessibilityNeeds: optionalText(1000),
    dietaryNeeds: optionalText(1000),
    listConsent: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
    dataConsent: z.literal('on', { error: 'consent' }),
    nationality: z.string().trim().default(''),
    passportNumber: z.string().trim().default(''),
    dateOfBirth: z.string().trim().default(''),
    passportExpiry: z.string().trim().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.arrivalDate && v.departureDate && v.departureDate < v.arrivalDate)
      ctx.addIssue({ code: 'custom', path: ['departureDate'], message: 'stay' });
    // Visa details come as a whole or not at all; whether the meeting asks for them is the data layer's to check.
    if (!VISA_FIELDS.some((f) => v[f] !== '')) return;
    if (!isCountryCode(v.nationality)) ctx.addIssue({ code: 'custom', path: ['nationality'], message: 'country' });
    if (!/^[A-Za-z0-9]{5,20}$/.test(v.passportNumber.replace(/\s/g, '')))
      ctx.addIssue({ code: 'custom', path: ['passportNumber'], message: 'passportNumber' });
    if (!isDate(v.dateOfBirth) || v.dateOfBirth < '1900-01-01' || new Date(`${v.dateOfBirth}T00:00:00Z`) >= new Date())
      ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'dateOfBirth' });
    if (!isDate(v.passportExpiry))
      ctx.addIssue({ code: 'custom', path: ['passportExpiry'], message: 'passportExpiry' });
  })
  .transform(({ nationality, passportNumber, dateOfBirth, passportExpiry, ...rest }) => ({
    ...(Object.fromEntries(Object.entries(rest).filter(([key]) => key !== 'dataConsent')) as Omit<
      typeof rest,
      'dataConsent'
    >),
    visa:
      nationality || passportNumber || dateOfBirth || passportExpiry
        ? { nationality, passportNumber: passportNumber.replace(/\s/g, '').toUpperCase(), dateOfBirth, passportExpiry }
        : null,
  }));
