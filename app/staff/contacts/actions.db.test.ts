import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { contacts } from '@/db/schema';
import { actAs, expectRefusedBelow, form, idle } from '@/db/test-session';
import { createContactAction, updateContactAction } from './actions';

vi.mock('@/lib/auth', () => import('@/db/test-session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const person = { name: 'Aidana Jumaeva', email: ' AIDANA.JUMAEVA@MFA-TJ.EXAMPLE.ORG ', country: 'TJ', language: 'en' };
const all = async () => (await getDb()).select().from(contacts).orderBy(contacts.email);

describe('contact actions', () => {
  it('refuse anyone below editor and change nothing', async () => {
    await expectRefusedBelow('editor', () => createContactAction(idle, form(person)), all);
    await expectRefusedBelow('editor', () => updateContactAction(randomUUID(), idle, form(person)), all);
  });

  it('answer bad input field by field', async () => {
    await actAs('editor');
    const before = await all();
    expect(await createContactAction(idle, form({ name: '', email: 'aidana@', country: 'Tajikistan', language: 'tj', organisationId: 'x' }))).toMatchObject({
      fieldErrors: {
        name: ['Enter the name.'],
        email: [expect.stringMatching(/valid email/)],
        country: ['Choose a country from the list.'],
        language: ['Choose English or Russian.'],
        organisationId: ['Choose an organisation from the list.'],
      },
    });
    expect(await createContactAction(idle, form({ ...person, organisationId: randomUUID() }))).toMatchObject({
      fieldErrors: { organisationId: ['That organisation no longer exists.'] },
    });
    expect(await all()).toEqual(before);
  });

  it('store the address trimmed and lower-cased, unique, and update a contact', async () => {
    await actAs('editor');
    expect(await createContactAction(idle, form(person))).toMatchObject({ status: 'success' });
    const [saved] = await (await getDb()).select().from(contacts).where(eq(contacts.email, 'aidana.jumaeva@mfa-tj.example.org'));
    expect(saved).toMatchObject({ name: 'Aidana Jumaeva', country: 'TJ', language: 'en' });
    expect(await createContactAction(idle, form({ ...person, email: 'Aidana.Jumaeva@mfa-tj.example.org' }))).toMatchObject({
      fieldErrors: { email: ['Another contact already has this email address.'] },
    });
    await expect(updateContactAction(saved!.id, idle, form({ ...person, name: 'Айдана Джумаева', language: 'ru' }))).rejects.toThrow('NEXT_REDIRECT');
    const [updated] = await (await getDb()).select().from(contacts).where(eq(contacts.id, saved!.id));
    expect(updated).toMatchObject({ name: 'Айдана Джумаева', language: 'ru' });
  });
});
