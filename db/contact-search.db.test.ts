import { describe, expect, it } from 'vitest';
import { AuthorizationError } from '@/lib/auth/roles';
import { createStaff } from '@/test/staff';
import { getDb } from './client';
import { getContactChoices, searchContacts } from './contacts';
import { contactKeys, organisationSearchKey } from './directory-keys';
import { getOrganisationChoices, searchOrganisations } from './organisations';
import { contacts, organisations } from './schema';

// The people picker's search (db/contact-queries contactSearchQuery): across scripts, best matches first, at most 20.

const stamp = Date.now().toString(36);
let made = 0;

async function addContacts(people: { name: string; nameLatin?: string }[]) {
  const db = await getDb();
  return db
    .insert(contacts)
    .values(
      people.map((p) => {
        const values = { name: p.name, nameLatin: p.nameLatin ?? null, email: `picker.${stamp}.${made++}@example.org` };
        return { ...values, ...contactKeys(values) };
      }),
    )
    .returning({ id: contacts.id, name: contacts.name });
}

describe('searchContacts', () => {
  it('finds a Cyrillic name by its Latin spelling and the other way round, the name that sorts last included', async () => {
    const viewer = await createStaff('viewer');
    const [yolkin, zykov] = await addContacts([{ name: 'Ёлкин Ерлан' }, { name: 'Zykov Zakhar' }]);
    // Thirty names before them alphabetically, all matching the shared part of the search.
    await addContacts(Array.from({ length: 30 }, (_, i) => ({ name: `Aaron Olkinson ${stamp} ${i}` })));

    expect((await searchContacts({ actor: viewer, search: 'Ёлкин' })).map((c) => c.id)).toContain(yolkin!.id);
    expect((await searchContacts({ actor: viewer, search: 'Yolkin' })).map((c) => c.id)).toContain(yolkin!.id);
    expect((await searchContacts({ actor: viewer, search: 'Зыков' })).map((c) => c.id)).toContain(zykov!.id);
    // "olkin" is in all 31 keys: the one that starts with it comes first, though it sorts last.
    const olkin = await searchContacts({ actor: viewer, search: 'olkin' });
    expect(olkin).toHaveLength(20);
    expect(olkin[0]).toMatchObject({ id: yolkin!.id, name: 'Ёлкин Ерлан', organisation: null });
    expect(olkin[0]).not.toHaveProperty('email');
  });

  it('lists names that start with the text, then a word that does, then the rest, each alphabetically, once', async () => {
    const viewer = await createStaff('viewer');
    // Unique to this run, and made so the search key keeps it as it is (lib/transliterate folds doubled letters,
    // y, q, w, sh …): consonants and vowels in turn, from letters no fold touches, ending in a consonant.
    const pick = (letters: string) => letters[Math.floor(Math.random() * letters.length)]!;
    const token = Array.from({ length: 7 }, (_, i) => pick(i % 2 ? 'aeiou' : 'bdfmnpr')).join('');
    await addContacts([
      { name: `Zz${token} Inside` },
      { name: `Bb ${token}word` },
      { name: `${token} b Start` },
      { name: `Aa${token} Inside` },
      { name: `Aa ${token}word` },
      { name: `${token} a Start` },
    ]);
    expect((await searchContacts({ actor: viewer, search: token })).map((c) => c.name)).toEqual([
      `${token} a Start`,
      `${token} b Start`,
      `Aa ${token}word`,
      `Bb ${token}word`,
      `Aa${token} Inside`,
      `Zz${token} Inside`,
    ]);
    // Fifteen more that start with it: 17 + 2 word matches leave one place, which goes to the first "inside" match,
    // though the word match "Aa …word" sorts before it and matches inside too: nobody twice.
    await addContacts(Array.from({ length: 15 }, (_, i) => ({ name: `${token} c ${String(i).padStart(2, '0')}` })));
    const twenty = await searchContacts({ actor: viewer, search: token });
    expect(twenty).toHaveLength(20);
    expect(new Set(twenty.map((c) => c.id)).size).toBe(20);
    expect(twenty.slice(16).map((c) => c.name)).toEqual([
      `${token} c 14`,
      `Aa ${token}word`,
      `Bb ${token}word`,
      `Aa${token} Inside`,
    ]);
  });

  it('finds nobody for a blank search, and refuses anyone signed out', async () => {
    const viewer = await createStaff('viewer');
    expect(await searchContacts({ actor: viewer, search: '  ' })).toEqual([]);
    await expect(searchContacts({ actor: null as never, search: 'olkin' })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(getContactChoices({ actor: undefined as never, ids: [] })).rejects.toBeInstanceOf(AuthorizationError);
  });

  it('gives the chosen people back in the order asked, leaving out unknown ids', async () => {
    const viewer = await createStaff('viewer');
    const [a, b] = await addContacts([{ name: 'Alpha Person' }, { name: 'Beta Person' }]);
    const chosen = await getContactChoices({
      actor: viewer,
      ids: [b!.id, '00000000-0000-4000-8000-000000000000', a!.id],
    });
    expect(chosen.map((c) => c.name)).toEqual(['Beta Person', 'Alpha Person']);
  });
});

describe('searchOrganisations', () => {
  it('finds an organisation by its acronym or name in either script, at most 20, and refuses anyone signed out', async () => {
    const viewer = await createStaff('viewer');
    const values = {
      nameEn: `Shanghai Cooperation Organisation ${stamp}`,
      nameRu: 'Шанхайская организация сотрудничества',
      acronym: 'SCO',
      acronymRu: 'ШОС',
    };
    const [sco] = await (
      await getDb()
    )
      .insert(organisations)
      .values({ ...values, type: 'regional_organisation', searchKey: organisationSearchKey(values) })
      .returning({ id: organisations.id });
    for (const search of ['ШОС', 'shanghai coop', 'Шанхайская'])
      expect(
        (await searchOrganisations({ actor: viewer, search })).map((o) => o.id),
        search,
      ).toContain(sco!.id);
    expect(await getOrganisationChoices({ actor: viewer, ids: [sco!.id] })).toEqual([
      { id: sco!.id, name: values.nameEn, nameLatin: null, organisation: 'SCO', country: null },
    ]);
    expect(await searchOrganisations({ actor: viewer, search: '' })).toEqual([]);
    await expect(searchOrganisations({ actor: null as never, search: 'SCO' })).rejects.toBeInstanceOf(
      AuthorizationError,
    );
  });
});
