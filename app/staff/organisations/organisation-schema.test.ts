import type { ComponentProps } from 'react';
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
import type { OrganisationFields } from './organisation-fields';

describe('the organisation schema', () => {
  it('is what the form shows, the action parses and the data layer saves', () => {
    // Every field starts from a value but the parent, which its picker shows (the `parent` prop).
    expectTypeOf<keyof NonNullable<ComponentProps<typeof OrganisationFields>['organisation']>>().toEqualTypeOf<
      Exclude<OrganisationField, 'parentId'>
    >();
    expectTypeOf<Parameters<typeof saveOrganisation>[2]>().toEqualTypeOf<z.output<typeof organisationSchema>>();
    // The table: a column of the same name and type for every field.
    expectTypeOf<Pick<Organisation, OrganisationField>>().toEqualTypeOf<OrganisationValues>();
    expectTypeOf(ORGANISATION_FIELDS).toEqualTypeOf<OrganisationField[]>();
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
