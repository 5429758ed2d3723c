import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { contacts } from '@/db/schema';
import { createContact } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import {
  createContactAction,
  createContactAfterSearchAction,
  eraseContactAction,
  mergeContactAction,
  updateContactAction,
} from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const person = { name: 'Aidana Jumaeva', email: ' AIDANA.JUMAEVA@MFA-TJ.EXAMPLE.ORG ', country: 'TJ', language: 'en' };
const all = async () => (await getDb()).select().from(contacts).orderBy(contacts.email);

describe('contact actions', () => {
  it('refuse anyone below editor and change nothing', async () => {
    await expectRefusedBelow('editor', () => createContactAction(idle, form(person)), all);
    await expectRefusedBelow('editor', () => createContactAfterSearchAction(idle, form(person)), all);
    await expectRefusedBelow('editor', () => updateContactAction(randomUUID(), idle, form(person)), all);
  });

  it('answer bad input field by field', async () => {
    await actAs('editor');
    const before = await all();
    expect(
      await createContactAction(
        idle,
        form({ name: '', email: 'aidana@', country: 'Tajikistan', language: 'tj', organisationId: 'x' }),
      ),
    ).toMatchObject({
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
    const [saved] = await (
      await getDb()
    )
      .select()
      .from(contacts)
      .where(eq(contacts.email, 'aidana.jumaeva@mfa-tj.example.org'));
    expect(saved).toMatchObject({ name: 'Aidana Jumaeva', country: 'TJ', language: 'en' });
    expect(
      await createContactAction(idle, form({ ...person, email: 'Aidana.Jumaeva@mfa-tj.example.org' })),
    ).toMatchObject({
      fieldErrors: { email: ['Another contact already has this email address.'] },
    });
    await expect(
      updateContactAction(saved!.id, idle, form({ ...person, name: 'Айдана Джумаева', language: 'ru' })),
    ).rejects.toThrow('NEXT_REDIRECT');
    const [updated] = await (await getDb()).select().from(contacts).where(eq(contacts.id, saved!.id));
    expect(updated).toMatchObject({ name: 'Айдана Джумаева', language: 'ru' });
  });
});

describe('adding a contact from the page a no-JavaScript search reloaded', () => {
  it('answers bad input in place, and on success goes to a clean page', async () => {
    await actAs('editor');
    const before = await all();
    expect(await createContactAfterSearchAction(idle, form({ ...person, email: 'x@' }))).toMatchObject({
      fieldErrors: { email: [expect.stringMatching(/valid email/)] },
    });
    expect(await all()).toEqual(before);
    const email = `nodira.${randomUUID().slice(0, 8)}@example.org`;
    await expect(createContactAfterSearchAction(idle, form({ ...person, email }))).rejects.toThrow('NEXT_REDIRECT');
    expect((await all()).map((c) => c.email)).toContain(email);
  });
});

describe('merging contacts', () => {
  const two = async () => {
    await actAs('editor');
    const keep = await createContact({ name: 'Айдана Джумаева' });
    const dup = await createContact({ name: 'Aidana Jumaeva', phone: '+992 37 221 00 00' });
    return { keep, dup };
  };

  it('refuses anyone below editor and changes nothing', async () => {
    const { keep, dup } = await two();
    await expectRefusedBelow('editor', () => mergeContactAction(keep.id, idle, form({ mergeId: dup.id })), all);
  });

  it('answers bad input and keeps both contacts', async () => {
    const { keep, dup } = await two();
    await actAs('editor');
    expect(await mergeContactAction(keep.id, idle, form({ mergeId: 'not-an-id' }))).toMatchObject({
      fieldErrors: { mergeId: ['Choose the duplicate to merge.'] },
    });
    expect(await mergeContactAction(keep.id, idle, form({ mergeId: keep.id }))).toMatchObject({
      status: 'error',
      message: 'A contact cannot be merged with itself.',
    });
    expect(await mergeContactAction(keep.id, idle, form({ mergeId: randomUUID() }))).toMatchObject({
      status: 'error',
      message: 'One of the two contacts no longer exists.',
    });
    expect(await mergeContactAction('x' as string, idle, form({ mergeId: dup.id }))).toMatchObject({
      status: 'error',
      code: 'missing',
    });
    expect((await all()).filter((c) => c.id === keep.id || c.id === dup.id)).toHaveLength(2);
  });

  it('merges the duplicate into the contact', async () => {
    const { keep, dup } = await two();
    await actAs('editor');
    await expect(mergeContactAction(keep.id, idle, form({ mergeId: dup.id }))).rejects.toThrow('NEXT_REDIRECT');
    const [kept] = await (await getDb()).select().from(contacts).where(eq(contacts.id, keep.id));
    expect(kept).toMatchObject({ name: 'Айдана Джумаева', phone: '+992 37 221 00 00' });
    expect((await all()).some((c) => c.id === dup.id)).toBe(false);
  });
});

describe('the contact form’s further fields', () => {
  it('stores position, passport spelling, phone, tags and notes, and answers bad ones field by field', async () => {
    await actAs('editor');
    const email = `ержан.${randomUUID().slice(0, 6)}@example.org`.replace('ержан', 'yerzhan');
    expect(
      await createContactAction(
        idle,
        form({
          ...person,
          email,
          nameLatin: 'Ержан',
          phone: 'call me',
          tags: Array(21)
            .fill(0)
            .map((_, i) => `t${i}`)
            .join(','),
          notes: 'x'.repeat(5001),
        }),
      ),
    ).toMatchObject({
      fieldErrors: {
        nameLatin: ['Write the Latin form in Latin letters.'],
        phone: ['Write the phone number with digits, spaces and + ( ) - only.'],
        tags: ['Give at most 20 tags.'],
        notes: ['Keep the notes under 5,000 characters.'],
      },
    });
    expect(
      await createContactAction(
        idle,
        form({
          ...person,
          email,
          name: 'Ержан Ахметов',
          nameLatin: 'Yerzhan Akhmetov',
          title: 'Counsellor',
          phone: '+7 (727) 555-0220',
          tags: 'Focal point, expert; focal point',
          notes: 'Met in Tashkent.',
        }),
      ),
    ).toMatchObject({ status: 'success' });
    const [saved] = await (await getDb()).select().from(contacts).where(eq(contacts.email, email));
    expect(saved).toMatchObject({
      nameLatin: 'Yerzhan Akhmetov',
      title: 'Counsellor',
      phone: '+7 (727) 555-0220',
      tags: ['focal point', 'expert'],
      notes: 'Met in Tashkent.',
    });
    expect(saved!.source).toMatch(/^Added by editor-/);
  });
});

describe('erasing a contact', () => {
  it('is refused below admin, confirmed by the address, and a bad confirmation erases nothing', async () => {
    const person = await createContact({ name: 'Гульнара Эргашева', language: 'ru' });
    const snapshot = async () => (await getDb()).select().from(contacts).where(eq(contacts.id, person!.id));
    await expectRefusedBelow(
      'admin',
      () => eraseContactAction(person!.id, idle, form({ confirmEmail: person!.email })),
      snapshot,
    );
    await actAs('admin');
    expect(await eraseContactAction(person!.id, idle, form({ confirmEmail: '' }))).toMatchObject({
      status: 'error',
      fieldErrors: { confirmEmail: expect.any(Array) },
    });
    expect(
      await eraseContactAction(person!.id, idle, form({ confirmEmail: 'someone.else@example.org' })),
    ).toMatchObject({ status: 'error', fieldErrors: { confirmEmail: ['This is not the contact’s email address.'] } });
    expect(await eraseContactAction('not-a-uuid', idle, form({ confirmEmail: person!.email }))).toMatchObject({
      status: 'error',
    });
    expect((await snapshot())[0]!.email).toBe(person!.email);
    await expect(
      eraseContactAction(person!.id, idle, form({ confirmEmail: ` ${person!.email.toUpperCase()} ` })),
    ).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await snapshot())[0]!.name).toBe('Erased person');
  });
});
