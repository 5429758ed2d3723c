import type { ComponentProps } from 'react';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { saveContact } from '@/db/contacts';
import type { Contact } from '@/db/schema';
import { CONTACT_FIELDS, contactSchema, type ContactField, type ContactValues } from '@/lib/schemas/contact';
import type { ContactFields } from './contact-fields';

describe('the contact schema', () => {
  it('is what the form shows, the action parses and the data layer saves', () => {
    // Every field starts from a value but the organisation, which its picker shows (the `organisation` prop).
    expectTypeOf<keyof NonNullable<ComponentProps<typeof ContactFields>['contact']>>().toEqualTypeOf<
      Exclude<ContactField, 'organisationId'>
    >();
    expectTypeOf<
      ComponentProps<typeof ContactFields>['organisation']['chosen'][number]['id']
    >().toEqualTypeOf<string>();
    expectTypeOf<Parameters<typeof saveContact>[2]>().toEqualTypeOf<z.output<typeof contactSchema>>();
    // The table: a column of the same name and type for every field.
    expectTypeOf<Pick<Contact, ContactField>>().toEqualTypeOf<ContactValues>();
    expectTypeOf(CONTACT_FIELDS).toEqualTypeOf<ContactField[]>();
  });

  it('lists every field the form posts', () => {
    const saved = contactSchema.parse({ name: ' Aziz ', email: 'AZIZ@example.org', language: 'en', tags: 'expert' });
    expect(Object.keys(saved).sort()).toEqual([...CONTACT_FIELDS].sort());
    expect(saved).toMatchObject({ name: 'Aziz', email: 'aziz@example.org', phone: null, tags: ['expert'] });
  });
});
