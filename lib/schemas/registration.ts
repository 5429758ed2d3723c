import { z } from 'zod';
import { isCountryCode, isNationalityCode } from '@/lib/countries';
import { ATTENDANCE_MODES, GENDERS } from '@/lib/domain';
import { keysOf, pick } from './fields';

// A delegate's registration: the one place its fields are named. The form (app/[locale]/i/[token]/), its action,
// the data layer (db/registrations.ts) and its change comparison all take their types and field lists from here;
// the registrations table (db/schema.ts) has a column of the same name for each field of `detailsSchema`, which the
// type test beside this file holds. README: "How to add a field".
//
// Messages are codes (`tooLong:200`), put into the page's language by the form (Registration.error messages), so
// one schema serves both languages. Pure (zod only): the client form may import it.

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
const visaText = z.string().trim().default('');

/** What the delegate fills in and the registration row keeps, one column per field. */
const detailsSchema = z.object({
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
  // Asked for a hybrid meeting only: the data layer requires it there and keeps null for the other formats.
  attendance: z
    .preprocess((v) => (v === '' ? undefined : v), z.enum(ATTENDANCE_MODES, 'attendance').optional())
    .transform((v) => v ?? null),
});

/**
 * The statistical question on gender: optional, "prefer not to say" when never answered. Kept apart from the details
 * above, so it is never compared, named in an email, written to the audit log or shown back per person; only the
 * attendance record's totals read it.
 */
const statisticsSchema = z.object({
  // Absent (undefined): not asked on this form (the staff's correction form), and what is on file stays.
  gender: z.preprocess((v) => (v === '' ? undefined : v), z.enum(GENDERS, 'gender').optional()),
});

/** Consent to the processing of the data: required on every submission, kept as the time it was given. */
const consentSchema = z.object({ dataConsent: z.literal('on', { error: 'consent' }) });

/**
 * Visa support (only for meetings that ask for it): stored encrypted as one value, shown only to admins, and never
 * sent back to the form, the delegate included. The form's checks come as a whole below; the values as given.
 */
const visaSchema = z.object({
  nationality: visaText,
  passportNumber: visaText,
  dateOfBirth: visaText,
  passportExpiry: visaText,
});

/** The stored fields as the data layer takes them. */
export type RegistrationDetails = z.output<typeof detailsSchema>;
export type RegistrationField = keyof RegistrationDetails;
/** The stored fields, in the form's order: what the data layer writes and compares to tell a change. */
export const REGISTRATION_FIELDS = keysOf(detailsSchema.shape);

export type VisaDetails = z.output<typeof visaSchema>;
export type VisaField = keyof VisaDetails;
/** Secret: never echoed back to the form, never in an email, a log or the audit trail. */
export const VISA_FIELDS = keysOf(visaSchema.shape);

/** The registration form, as posted, and as its action hands it to the data layer. */
export const registrationSchema = detailsSchema
  .extend(statisticsSchema.shape)
  .extend(consentSchema.shape)
  .extend(visaSchema.shape)
  .superRefine((v, ctx) => {
    if (v.arrivalDate && v.departureDate && v.departureDate < v.arrivalDate)
      ctx.addIssue({ code: 'custom', path: ['departureDate'], message: 'stay' });
    // Visa details come as a whole or not at all; whether the meeting asks for them is the data layer's to check.
    if (!VISA_FIELDS.some((f) => v[f] !== '')) return;
    if (!isNationalityCode(v.nationality)) ctx.addIssue({ code: 'custom', path: ['nationality'], message: 'country' });
    if (!/^[A-Za-z0-9]{5,20}$/.test(v.passportNumber.replace(/\s/g, '')))
      ctx.addIssue({ code: 'custom', path: ['passportNumber'], message: 'passportNumber' });
    if (!isDate(v.dateOfBirth) || v.dateOfBirth < '1900-01-01' || new Date(`${v.dateOfBirth}T00:00:00Z`) >= new Date())
      ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'dateOfBirth' });
    if (!isDate(v.passportExpiry))
      ctx.addIssue({ code: 'custom', path: ['passportExpiry'], message: 'passportExpiry' });
  })
  .transform((v) => ({
    ...registrationDetails(v),
    ...(v.gender ? { gender: v.gender } : {}),
    visa: VISA_FIELDS.some((f) => v[f] !== '')
      ? { ...visaDetails(v), passportNumber: v.passportNumber.replace(/\s/g, '').toUpperCase() }
      : null,
  }));

/** A field's name as the form posts it (the stored fields, consent and visa details). */
export type RegistrationFormField = keyof z.input<typeof registrationSchema>;
/** What the data layer takes: the stored fields, and visa details or null (null keeps what is on file). */
export type RegistrationInput = z.output<typeof registrationSchema>;

/** The stored fields of anything that has them (the form's output, a registration row), and nothing else. */
export function registrationDetails(source: RegistrationDetails): RegistrationDetails {
  return pick(source, REGISTRATION_FIELDS);
}

const visaDetails = (source: VisaDetails): VisaDetails => pick(source, VISA_FIELDS);
