import type { Gender } from '@/lib/domain';
import type { ComponentProps } from 'react';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { submitRegistration } from '@/db/registrations';
import type { Registration } from '@/db/schema';
import {
  REGISTRATION_FIELDS,
  registrationDetails,
  registrationSchema,
  VISA_FIELDS,
  type RegistrationDetails,
  type RegistrationField,
  type RegistrationFormField,
  type RegistrationInput,
  type VisaDetails,
} from '@/lib/schemas/registration';
import type { RegistrationForm } from './registration-form';

// The type-level half runs in `npm run typecheck` (tsc reads this file): a field renamed, added or retyped in the
// schema and not followed by the form, the action, the data layer or the table fails there.

const posted = {
  passportName: 'Aziz Karimov',
  displayName: 'Азиз Каримов',
  organisationName: 'Ministry of Justice',
  country: 'UZ',
  phone: '+998 71 000 00 00',
  dietaryNeeds: ' Vegetarian ',
  listConsent: 'on',
  dataConsent: 'on',
} satisfies Partial<Record<RegistrationFormField, string>>;

describe('the registration schema', () => {
  it('is what the form posts, the action parses and the data layer takes', () => {
    // The form: it may name only what the schema reads, and its defaults are the stored fields as the data layer keeps them.
    expectTypeOf<ComponentProps<typeof RegistrationForm>['defaults']>().toEqualTypeOf<Partial<RegistrationDetails>>();
    expectTypeOf<RegistrationFormField>().toEqualTypeOf<keyof z.input<typeof registrationSchema>>();
    // The action hands the data layer what the schema outputs (registerAction parses with registrationSchema and
    // passes the result on): the data layer's parameter is that output.
    expectTypeOf<Parameters<typeof submitRegistration>[1]>().toEqualTypeOf<z.output<typeof registrationSchema>>();
    expectTypeOf<RegistrationInput>().branded.toEqualTypeOf<
      RegistrationDetails & { gender?: Gender; visa: VisaDetails | null }
    >();
    // The table: a column of the same name and type for every stored field.
    expectTypeOf<Pick<Registration, RegistrationField>>().toEqualTypeOf<RegistrationDetails>();
  });

  it('lists each field once: stored, secret, the statistical question or the consent', () => {
    expectTypeOf(REGISTRATION_FIELDS).toEqualTypeOf<RegistrationField[]>();
    const formFields: RegistrationFormField[] = [...REGISTRATION_FIELDS, ...VISA_FIELDS, 'gender', 'dataConsent'];
    expect(new Set(formFields).size).toBe(formFields.length);
    expect(Object.keys(registrationSchema.parse(posted)).sort()).toEqual([...REGISTRATION_FIELDS, 'visa'].sort());
  });

  it('gives the data layer the stored fields and no visa details unless some were given', () => {
    const input = registrationSchema.parse(posted);
    expect(input).toMatchObject({ dietaryNeeds: 'Vegetarian', title: '', arrivalDate: null, listConsent: true });
    expect(input.visa).toBeNull();
    const withVisa = registrationSchema.parse({
      ...posted,
      nationality: 'KZ',
      passportNumber: 'n 1234 5678',
      dateOfBirth: '1980-02-03',
      passportExpiry: '2030-01-01',
    });
    expect(withVisa.visa).toEqual({
      nationality: 'KZ',
      passportNumber: 'N12345678',
      dateOfBirth: '1980-02-03',
      passportExpiry: '2030-01-01',
    });
    const row = { ...withVisa, status: 'registered', dataConsentAt: new Date() };
    expect(registrationDetails(row)).toEqual(registrationDetails(input));
  });

  it('takes the gender question as optional, one of its answers, and nothing else', () => {
    expect(registrationSchema.parse({ ...posted, gender: 'female' }).gender).toBe('female');
    expect(registrationSchema.parse({ ...posted, gender: '' }).gender).toBeUndefined();
    const refused = registrationSchema.safeParse({ ...posted, gender: 'feminine' });
    expect(refused.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['gender', 'gender']]);
  });

  it('asks for visa details as a whole', () => {
    const result = registrationSchema.safeParse({ ...posted, passportNumber: 'N12345678' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['dateOfBirth', 'nationality', 'passportExpiry']);
  });
});
