import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { saveContact } from '@/db/contacts';
import type { Contact } from '@/db/schema';
import { CONTACT_FIELDS, contactSchema, type ContactField, type ContactValues } from '@/lib/schemas/contact';
import { ContactFields } from './contact-fields';

describe('the contact schema', () => {
  it('is what the form shows, the action parses and the data layer saves', () => {
    expectTypeOf<Parameters<typeof saveContact>[2]>().toEqualTypeOf<z.output<typeof contactSchema>>();
    // The table: a column of the same name and type for every field.
    expectTypeOf<Pick<Contact, ContactField>>().toEqualTypeOf<ContactValues>();
    expectTypeOf(CONTACT_FIELDS).toEqualTypeOf<ContactField[]>();
  });

  it('has a control in the form for every field', () => {
    const html = renderToStaticMarkup(
      createElement(ContactFields, {
        idPrefix: 'contact',
        organisation: { chosen: [], find: { action: '/staff/contacts', value: 'new-contact' } },
        countries: [{ code: 'TJ', name: 'Tajikistan' }],
      }),
    );
    const posted = new Set([...html.matchAll(/ name="(\w+)"/g)].map((m) => m[1]));
    expect(CONTACT_FIELDS.filter((field) => !posted.has(field))).toEqual([]);
  });

  it('lists every field the form posts', () => {
    const saved = contactSchema.parse({ name: ' Aziz ', email: 'AZIZ@example.org', language: 'en', tags: 'expert' });
    expect(Object.keys(saved).sort()).toEqual([...CONTACT_FIELDS].sort());
    expect(saved).toMatchObject({ name: 'Aziz', email: 'aziz@example.org', phone: null, tags: ['expert'] });
  });
});
