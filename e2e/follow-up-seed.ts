import postgres from 'postgres';
import { contactKeys } from '../db/directory-keys';
import { e2eDatabaseUrl } from '../scripts/e2e-database.mjs';

// A meeting of its own with `count` invitations, written straight into the PostgreSQL database under test (through
// the app, 1,000 invitations would be 1,000 emails through the sink). Half the names are Cyrillic (the third is
// «Ерлан Жумабаев»); the last
// `kazakh` contacts (by number, so they sort last) are from Kazakhstan, the rest from Uzbekistan. `remove()` takes
// it all away again, so specs that count contacts or invitations do not see it.

export type FollowUpSeed = {
  meetingId: string;
  title: string;
  stamp: string;
  name: (i: number) => string;
  email: (i: number) => string;
  /** Reminder rows in the outbox, per invitation of contacts in `country`. */
  remindersPerInvitation: (country: string) => Promise<number[]>;
  remove: () => Promise<void>;
};

export async function seedFollowUp({ count, kazakh }: { count: number; kazakh: number }): Promise<FollowUpSeed> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('seedFollowUp writes PostgreSQL directly: set DATABASE_URL');
  const sql = postgres(e2eDatabaseUrl(serverUrl), { max: 1, onnotice: () => {} });
  const stamp = Date.now().toString(36);
  const title = `Follow-up at scale ${stamp}`;
  const number = (i: number) => String(i).padStart(4, '0');
  // One name to search for, in Cyrillic; the rest numbered.
  const name = (i: number) =>
    i === 2 ? 'Ерлан Жумабаев' : i % 2 ? `Delegate ${stamp} ${number(i)}` : `Делегат ${stamp} ${number(i)}`;
  const email = (i: number) => `fu${number(i)}.${stamp}@example.org`;
  const [council] = await sql<{ id: string }[]>`select id from councils order by created_at limit 1`;
  const [meeting] = await sql<{ id: string }[]>`
    insert into meetings (council_id, kind, title_en, title_ru, starts_at, ends_at, time_zone, format, venue_en, status,
      registration_deadline)
    values (${council!.id}, 'working_group', ${title}, ${`Последующие действия ${stamp}`}, '2030-06-10T05:00:00Z',
      '2030-06-10T12:00:00Z', 'Asia/Tashkent', 'in_person', 'Hyatt Regency', 'invitations_open', '2030-06-01T00:00:00Z')
    returning id`;
  const people = Array.from({ length: count }, (_, i) => ({
    name: name(i),
    email: email(i),
    country: i >= count - kazakh ? 'KZ' : 'UZ',
    ...contactKeys({ name: name(i), email: email(i) }),
  }));
  const contacts = await sql<{ id: string; email: string }[]>`
    insert into contacts ${sql(people.map((p) => ({ name: p.name, email: p.email, country: p.country, search_key: p.searchKey, sort_key: p.sortKey })))}
    returning id, email`;
  await sql`
    insert into invitations ${sql(contacts.map((c) => ({ meeting_id: meeting!.id, contact_id: c.id, email: c.email, role: 'delegate', language: 'en' })))}`;
  return {
    meetingId: meeting!.id,
    title,
    stamp,
    name,
    email,
    async remindersPerInvitation(country) {
      const rows = await sql<{ n: number }[]>`
        select count(o.id)::int as n from invitations i join contacts c on c.id = i.contact_id
        left join outbox_messages o on o.invitation_id = i.id and o.kind = 'invitation.reminder'
        where i.meeting_id = ${meeting!.id} and c.country = ${country} group by i.id`;
      return rows.map((r) => r.n);
    },
    async remove() {
      await sql`delete from outbox_messages where invitation_id in (select id from invitations where meeting_id = ${meeting!.id})`;
      await sql`delete from meetings where id = ${meeting!.id}`;
      await sql`delete from contacts where email like ${`%.${stamp}@example.org`}`;
      await sql.end();
    },
  };
}
