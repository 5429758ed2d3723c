import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { delegationLink, openDelegationLink } from '@/db/delegations';
import { delegations, notesVerbales } from '@/db/schema';
import { DEMO_WORKING_GROUP_ID, seedDemoData } from './seed';

describe('the seeded working-group meeting', () => {
  it('has the five Central Asian delegations through their foreign ministries, quota 3, Uzbekistan’s nominated', async () => {
    const db = await getDb();
    await seedDemoData(db);
    await seedDemoData(db);
    const rows = await db.select().from(delegations).where(eq(delegations.meetingId, DEMO_WORKING_GROUP_ID));
    expect(rows.map((r) => r.countryCode).sort()).toEqual(['KG', 'KZ', 'TJ', 'TM', 'UZ']);
    expect(rows.every((r) => r.quota === 3 && r.addresseeRu.startsWith('Министерству иностранных дел'))).toBe(true);
    const opened = await Promise.all(rows.map((r) => openDelegationLink(delegationLink(r).split('/d/')[1]!)));
    const taken = Object.fromEntries(rows.map((r, i) => [r.countryCode, opened[i]!.ok ? opened[i]!.opened.taken : -1]));
    expect(taken).toEqual({ KZ: 0, KG: 0, TJ: 0, TM: 0, UZ: 3 });
    const uz = opened[rows.findIndex((r) => r.countryCode === 'UZ')]!;
    expect(uz.ok && uz.opened.open).toBe(true);
    expect(uz.ok && uz.opened.members.filter((m) => m.head).map((m) => m.passportName)).toEqual(['Bakhodir Tashmatov']);
    // Its note verbale stands in the register once, in Russian, though the seed ran twice.
    const notes = await db.select().from(notesVerbales).where(eq(notesVerbales.meetingId, DEMO_WORKING_GROUP_ID));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      delegationId: rows.find((r) => r.countryCode === 'UZ')!.id,
      language: 'ru',
      addressee: 'Министерству иностранных дел Республики Узбекистан',
    });
  });
});
