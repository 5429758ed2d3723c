import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { saveOrganisation } from '@/db/organisations';
import type { Organisation } from '@/db/schema';
import {
  ORGANISATION_FIELDS,
  organisationSchema,
  type OrganisationField,
  type OrganisationValues,
} from '@/lib/schemas/organisation';
import { OrganisationFields } from './organisation-fields';

describe('the organisation schema', () => {
  it('is what the form shows, the action parses and the data layer saves', () => {
    expectTypeOf<Parameters<typeof saveOrganisation>[2]>().toEqualTypeOf<z.output<typeof organisationSchema>>();
    // The table: a column of the same name and type for every field.
    expectTypeOf<Pick<Organisation, OrganisationField>>().toEqualTypeOf<OrganisationValues>();
    expectTypeOf(ORGANISATION_FIELDS).toEqualTypeOf<OrganisationField[]>();
  });

  it('has a control in the form for every field', () => {
    const html = renderToStaticMarkup(
      createElement(OrganisationFields, {
        idPrefix: 'organisation',
        parent: { chosen: [], find: { action: '/staff/organisations', value: 'new-organisation' } },
        countries: [{ code: 'UZ', name: 'Uzbekistan' }],
      }),
    );
    const posted = new Set([...html.matchAll(/ name="(\w+)"/g)].map((m) => m[1]));
    expect(ORGANISATION_FIELDS.filter((field) => !posted.has(field))).toEqual([]);
  });

  it('lists every field the form posts', () => {
    const saved = organisationSchema.parse({
      nameEn: 'Ministry of Justice',
      type: 'government',
      website: 'minjust.uz',
    });
    expect(Object.keys(saved).sort()).toEqual([...ORGANISATION_FIELDS].sort());
    expect(saved).toMatchObject({ nameRu: null, website: 'https://minjust.uz', notes: '' });
  });
});
