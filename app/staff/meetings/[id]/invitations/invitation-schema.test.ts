import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { inviteContacts, previewRecipients } from '@/db/invitations';
import { invitePreviewSchema, inviteSchema, recipientSelectionSchema } from '@/lib/schemas/invitation-selection';

const COUNCIL = '7b0f7a5e-55b5-4c4e-9a55-2a1c1c1c1c1c';
const GROUP = '0c9e0c8a-3d3c-4a8e-8f5e-1d1d1d1d1d1d';

describe('the invitation selection', () => {
  it('is what the data layer takes, as the form posts it', () => {
    type Selection = z.output<typeof recipientSelectionSchema>;
    expectTypeOf<Parameters<typeof previewRecipients>[0]['selection']>().toEqualTypeOf<Selection>();
    expectTypeOf<Parameters<typeof inviteContacts>[2]['selection']>().toEqualTypeOf<Selection>();
    expectTypeOf<z.output<typeof inviteSchema>>().toExtend<Parameters<typeof inviteContacts>[2]['selection']>();
    expectTypeOf<Pick<z.output<typeof inviteSchema>, 'role' | 'confirmedCount'>>().toExtend<
      Omit<Parameters<typeof inviteContacts>[2], 'selection'>
    >();
  });

  it("keeps only the chosen kind's fields, so the preview's hidden fields carry nothing else", () => {
    expect(
      invitePreviewSchema.parse({
        by: 'roster',
        councilId: COUNCIL,
        workingGroupId: '',
        contactId: 'not an id',
        country: '',
        tag: 'old',
        role: 'observer',
        q: 'search',
        preview: '1',
      }),
    ).toEqual({ by: 'roster', councilId: COUNCIL, role: 'observer' });
    expect(recipientSelectionSchema.parse({ by: 'roster', councilId: COUNCIL, workingGroupId: GROUP })).toEqual({
      by: 'roster',
      councilId: COUNCIL,
      workingGroupId: GROUP,
    });
    expect(recipientSelectionSchema.parse({ by: 'contacts', contactId: COUNCIL })).toEqual({
      by: 'contacts',
      contactId: [COUNCIL],
    });
  });

  it('names the field to correct for each kind', () => {
    const errors = (input: Record<string, unknown>) => {
      const result = inviteSchema.safeParse({ role: 'delegate', confirmedCount: '1', ...input });
      return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path[0], i.message]));
    };
    expect(errors({ by: 'roster', councilId: '' })).toEqual({ councilId: 'Choose a council.' });
    expect(errors({ by: 'organisation' })).toEqual({ organisationId: 'Choose an organisation.' });
    expect(errors({ by: 'filter', country: 'XX', tag: '' })).toEqual({ country: 'Choose a country from the list.' });
    expect(errors({ by: 'filter', organisationType: 'government' })).toEqual({});
  });
});
