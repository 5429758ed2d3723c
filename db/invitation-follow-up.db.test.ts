import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readFollowUpQuery, type BulkSelection } from '@/lib/invitation-follow-up';
import { createMeeting, uniqueStamp } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { getDb } from './client';
import { contactKeys, organisationSearchKey } from './directory-keys';
import { actOnInvitations, countAnswers, listFollowUp, previewBulk } from './invitations';
import { contacts, invitations, organisations, outboxMessages } from './schema';

// The follow-up list's filters, sorts and pages, the counts of answers, and reminders that cannot double.

type Person = { name: string; country: string; organisationId?: string; role?: 'delegate' | 'speaker' };

/** A planned meeting with `people` invited (each with directory keys, as db/contacts.ts writes them). */
async function setUp(people: Person[]) {
  const db = await getDb();
  const meeting = await createMeeting({ status: 'planned', registrationDeadline: new Date('2030-05-01T00:00:00Z') });
  const stamp = uniqueStamp();
  const rows = await db
    .insert(contacts)
    .values(
      people.map((p, i) => {
        const email = `p${i}.${stamp}@example.org`;
        return {
          name: p.name,
          email,
          country: p.country,
          organisationId: p.organisationId,
          ...contactKeys({ ...p, email }),
        };
      }),
    )
    .returning();
  const invited = await db
    .insert(invitations)
    .values(
      rows.map((c, i) => ({
        meetingId: meeting.id,
        contactId: c.id,
        email: c.email,
        language: c.language,
        role: people[i]!.role ?? 'delegate',
      })),
    )
    .returning();
  const byName = new Map(invited.map((inv, i) => [people[i]!.name, inv.id]));
  return { meeting, id: (name: string) => byName.get(name)! };
}

async function organisation(values: { nameEn: string; acronym: string; type: 'government' | 'un_entity' }) {
  const [row] = await (
    await getDb()
  )
    .insert(organisations)
    .values({ ...values, searchKey: organisationSearchKey(values) })
    .returning();
  return row!.id;
}

const everyone = (filters: Partial<BulkSelection> = {}): BulkSelection => ({ id: [], all: '1', ...filters });

const remindersPerInvitation = async (meetingId: string) =>
  (await getDb())
    .select({ n: sql<number>`count(${outboxMessages.id})::int` })
    .from(invitations)
    .leftJoin(
      outboxMessages,
      and(eq(outboxMessages.invitationId, invitations.id), eq(outboxMessages.kind, 'invitation.reminder')),
    )
    .where(eq(invitations.meetingId, meetingId))
    .groupBy(invitations.id)
    .then((rows) => rows.map((r) => r.n));

describe('invitations follow-up', () => {
  it('filters, sorts and pages in SQL, and counts answers by group', async () => {
    const actor = await createStaff('editor');
    const ministry = await organisation({
      nameEn: 'Ministry of Foreign Affairs',
      acronym: 'MFA-KZ',
      type: 'government',
    });
    const undp = await organisation({
      nameEn: 'United Nations Development Programme',
      acronym: 'UNDP',
      type: 'un_entity',
    });
    const numbered = Array.from({ length: 53 }, (_, i) => ({
      name: `Person ${String(i + 1).padStart(2, '0')}`,
      country: 'UZ',
    }));
    const { meeting, id } = await setUp([
      ...numbered,
      { name: 'Ерлан Жумабаев', country: 'KZ', organisationId: ministry },
      { name: 'Aidana Jumaeva', country: 'TJ', organisationId: undp, role: 'speaker' },
    ]);
    const db = await getDb();
    await db
      .update(invitations)
      .set({ status: 'declined', declineReason: 'Another mission' })
      .where(eq(invitations.id, id('Person 01')));
    await db
      .update(invitations)
      .set({ status: 'accepted' })
      .where(eq(invitations.id, id('Person 02')));
    await db
      .update(invitations)
      .set({ status: 'revoked' })
      .where(eq(invitations.id, id('Person 03')));
    await db
      .update(invitations)
      .set({ lastRemindedAt: sql`now()` })
      .where(eq(invitations.id, id('Person 05')));
    const failed = {
      fromAddress: 'desk@example.org',
      subject: 'Invitation',
      textBody: '',
      kind: 'invitation.invitation',
    };
    await db.insert(outboxMessages).values([
      {
        ...failed,
        messageId: `<a.${uniqueStamp()}>`,
        toAddress: 'x@example.org',
        invitationId: id('Person 04'),
        status: 'failed',
        lastError: '550 no such user',
      },
      {
        ...failed,
        messageId: `<b.${uniqueStamp()}>`,
        toAddress: 'y@example.org',
        invitationId: id('Person 06'),
        status: 'sending',
      },
    ]);

    const list = (params: Record<string, string>) =>
      listFollowUp({ actor, meetingId: meeting.id, query: readFollowUpQuery(params) });
    const names = async (params: Record<string, string>) => (await list(params)).rows.map((r) => r.name);

    const first = await list({});
    expect([first.total, first.rows.length, first.page]).toEqual([55, 50, 1]);
    expect(first.rows.slice(0, 3).map((r) => r.name)).toEqual(['Aidana Jumaeva', 'Ерлан Жумабаев', 'Person 01']);
    expect((await list({ page: '2' })).rows.map((r) => r.name)).toEqual([
      'Person 49',
      'Person 50',
      'Person 51',
      'Person 52',
      'Person 53',
    ]);
    // A page past the end shows the last one.
    expect((await list({ page: '9' })).page).toBe(2);

    // The directory's search, across scripts and by organisation.
    expect(await names({ q: 'Жумабаев' })).toEqual(['Ерлан Жумабаев']);
    expect(await names({ q: 'Zhumabaev' })).toEqual(['Ерлан Жумабаев']);
    expect(await names({ q: 'undp' })).toEqual(['Aidana Jumaeva']);
    expect(await names({ country: 'KZ' })).toEqual(['Ерлан Жумабаев']);
    expect(await names({ type: 'un_entity' })).toEqual(['Aidana Jumaeva']);
    expect(await names({ role: 'speaker' })).toEqual(['Aidana Jumaeva']);
    expect(await names({ answer: 'answered' })).toEqual(['Person 01', 'Person 02']);
    expect(await names({ answer: 'revoked' })).toEqual(['Person 03']);
    expect((await list({ answer: 'no_answer' })).total).toBe(52);
    const [declined] = (await list({ answer: 'declined' })).rows;
    expect(declined).toMatchObject({ name: 'Person 01', answer: 'declined', declineReason: 'Another mission' });
    const [bounced] = (await list({ delivery: 'failed' })).rows;
    expect(bounced).toMatchObject({ name: 'Person 04', delivery: 'failed', deliveryError: '550 no such user' });
    expect(await names({ delivery: 'queued' })).toEqual(['Person 06']);
    expect(await names({ delivery: 'queued', country: 'KZ' })).toEqual([]);
    // Unknown values are dropped, as in the directory's URLs.
    expect((await list({ answer: 'maybe', country: 'XX', sort: 'shoe size' })).total).toBe(55);

    expect((await names({ sort: 'country' })).slice(0, 3)).toEqual(['Ерлан Жумабаев', 'Aidana Jumaeva', 'Person 01']);
    expect((await names({ sort: 'organisation' })).slice(0, 2)).toEqual(['Ерлан Жумабаев', 'Aidana Jumaeva']);
    expect(await names({ sort: 'answer', answer: 'answered' })).toEqual(['Person 02', 'Person 01']);
    expect((await names({ sort: 'reminded' }))[0]).toBe('Person 05');

    expect(await countAnswers({ actor, meetingId: meeting.id })).toEqual({
      no_answer: 52,
      accepted: 1,
      declined: 1,
      registered: 0,
      waitlisted: 0,
      offered: 0,
      lapsed: 0,
      cancelled: 0,
      revoked: 1,
    });

    // The confirmation's count: reminded today are left out unless "remind again".
    const remind = (selection: BulkSelection) =>
      previewBulk({ actor, meetingId: meeting.id, action: 'remind', selection });
    expect(await remind(everyone({ answer: 'no_answer' }))).toMatchObject({ ok: true, count: 51, recentlyReminded: 1 });
    expect(await remind(everyone({ answer: 'no_answer', again: '1' }))).toMatchObject({
      count: 52,
      recentlyReminded: 0,
    });
    expect(await remind(everyone())).toMatchObject({ count: 51, recentlyReminded: 1, skipped: 3 });
    expect(
      await previewBulk({
        actor,
        meetingId: meeting.id,
        action: 'revoke',
        selection: { id: [id('Person 03'), id('Person 04'), id('Person 07')] },
      }),
    ).toMatchObject({ count: 2, skipped: 1 });
    const other = await setUp([{ name: 'Someone Else', country: 'UZ' }]);
    expect(
      await previewBulk({
        actor,
        meetingId: meeting.id,
        action: 'revoke',
        selection: { id: [id('Person 04'), other.id('Someone Else')] },
      }),
    ).toEqual({ ok: false, reason: 'foreign' });
  });

  it.runIf(process.env.TEST_DATABASE_KIND === 'postgres')(
    'twenty simultaneous presses of "remind", with and without "remind again", remind each person once',
    { timeout: 120_000 },
    async () => {
      const actor = await createStaff('editor');
      const { meeting } = await setUp(Array.from({ length: 30 }, (_, i) => ({ name: `Delegate ${i}`, country: 'UZ' })));
      const press = async (again: boolean) => {
        const selection = everyone({ answer: 'no_answer', ...(again ? { again: '1' as const } : {}) });
        const preview = await previewBulk({ actor, meetingId: meeting.id, action: 'remind', selection });
        if (!preview.ok) throw new Error('no preview');
        return { selection, confirmedCount: preview.count, since: preview.since };
      };
      // Twenty presses of one confirmation (a double click, a retry, another tab on another instance).
      const without = await press(false);
      expect(without.confirmedCount).toBe(30);
      const first = await Promise.all(
        Array.from({ length: 20 }, () => actOnInvitations(actor, meeting.id, { action: 'remind', ...without })),
      );
      expect(first.filter((r) => r.ok)).toEqual([{ ok: true, count: 30 }]);
      expect(await remindersPerInvitation(meeting.id)).toEqual(Array(30).fill(1));

      // Without "remind again" a fresh confirmation has nobody; with it, the twenty presses remind each once more.
      expect((await press(false)).confirmedCount).toBe(0);
      const again = await press(true);
      expect(again.confirmedCount).toBe(30);
      const second = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          actOnInvitations(actor, meeting.id, {
            action: 'remind',
            ...(i % 2 ? again : { ...without, confirmedCount: 30 }),
          }),
        ),
      );
      expect(second.filter((r) => r.ok)).toEqual([{ ok: true, count: 30 }]);
      expect(await remindersPerInvitation(meeting.id)).toEqual(Array(30).fill(2));
    },
  );
});
