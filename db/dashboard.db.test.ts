import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createInvitation, createMeeting, createUser } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { getDb } from './client';
import { deadlineFigure, getDashboard } from './dashboard';
import { enqueueMail } from './outbox';
import { contactImports, outboxMessages, registrations, summaries, summaryPhotos, users } from './schema';
import { submitSummaryForReview } from './summary-workflow';

const now = new Date('2030-05-01T10:00:00Z');

async function register(meetingId: string, status: 'registered' | 'waitlisted' | 'offered', offerExpiresAt?: Date) {
  const db = await getDb();
  const invitation = await createInvitation({ meetingId, status: 'accepted', answeredAt: now });
  await db.insert(registrations).values({
    invitationId: invitation.id,
    meetingId,
    status,
    passportName: 'TEST PERSON',
    displayName: 'Test Person',
    organisationName: 'UNRCCA',
    country: 'UZ',
    dataConsentAt: now,
    offerExpiresAt: offerExpiresAt ?? null,
  });
  return invitation;
}

async function failedEmailFor(invitationId: string, to: string) {
  const db = await getDb();
  const { id } = await enqueueMail(db, { kind: 'invitation', to, subject: 'Invitation', text: 'Hello' });
  await db.update(outboxMessages).set({ status: 'failed', invitationId }).where(eq(outboxMessages.id, id));
}

describe(`staff dashboard (${process.env.TEST_DATABASE_KIND})`, () => {
  it('counts each upcoming meeting’s invitations, answers, seats and failed mail', async () => {
    const viewer = await createStaff('viewer');
    // Capacity 10; deadline 5 May 23:00 Tashkent time (18:00 UTC): 4 calendar days from 1 May 15:00 there.
    const meeting = await createMeeting({
      capacity: 10,
      registrationDeadline: new Date('2030-05-05T18:00:00Z'),
      status: 'invitations_open',
    });
    const other = await createMeeting({
      startsAt: new Date('2030-06-01T05:00:00Z'),
      endsAt: new Date('2030-06-01T12:00:00Z'),
    });
    const past = await createMeeting({
      startsAt: new Date('2030-04-01T05:00:00Z'),
      endsAt: new Date('2030-04-01T12:00:00Z'),
    });
    await createInvitation({ meetingId: past.id });

    // 3 without an answer (one of them with a failed email, one with a failed email retried since), 1 declined,
    // 1 revoked, 3 registered, 2 waitlisted, 1 offered a seat still open, 1 offered a seat that has lapsed by now.
    const unanswered = await Promise.all([1, 2, 3].map(() => createInvitation({ meetingId: meeting.id })));
    await failedEmailFor(unanswered[0]!.id, unanswered[0]!.email);
    await failedEmailFor(unanswered[1]!.id, unanswered[1]!.email);
    const db = await getDb();
    const { id: retried } = await enqueueMail(db, { kind: 'invitation', to: 'x@example.org', subject: 'S', text: 'T' });
    await db
      .update(outboxMessages)
      .set({ invitationId: unanswered[1]!.id, status: 'sent', createdAt: new Date(Date.now() + 60_000) })
      .where(eq(outboxMessages.id, retried));
    await createInvitation({ meetingId: meeting.id, status: 'declined', declineReason: 'Travel', answeredAt: now });
    await createInvitation({ meetingId: meeting.id, status: 'revoked' });
    for (let i = 0; i < 3; i++) await register(meeting.id, 'registered');
    for (let i = 0; i < 2; i++) await register(meeting.id, 'waitlisted');
    await register(meeting.id, 'offered', new Date('2030-05-02T10:00:00Z'));
    await register(meeting.id, 'offered', new Date('2030-04-30T10:00:00Z'));

    const dashboard = await getDashboard({ actor: viewer, now });
    const ids = dashboard.meetings.map((m) => m.id);
    expect(ids).toContain(meeting.id);
    expect(ids).toContain(other.id);
    expect(ids).not.toContain(past.id);
    expect(dashboard.meetings.find((m) => m.id === meeting.id)).toMatchObject({
      invited: 11,
      answered: 8,
      unanswered: 3,
      registered: 3,
      waiting: 2,
      seatsLeft: 6,
      failedEmails: 1,
      deadline: { daysLeft: 4 },
    });
    expect(dashboard.meetings.find((m) => m.id === other.id)).toMatchObject({
      invited: 0,
      registered: 0,
      seatsLeft: null,
      deadline: null,
    });
    // A viewer can neither publish summaries nor open imports.
    expect(dashboard.toReview).toBeNull();
    expect(dashboard.imports).toBeNull();
  });

  it('counts the deadline’s days on the venue’s calendar, and says closed once it has passed', () => {
    // 23:30 in New York on 1 May is already 2 May in Tashkent.
    const late = new Date('2030-05-02T03:30:00Z');
    const deadline = new Date('2030-05-03T12:00:00Z');
    expect(deadlineFigure(deadline, 'Asia/Tashkent', late)).toMatchObject({ daysLeft: 1 });
    expect(deadlineFigure(deadline, 'America/New_York', late)).toMatchObject({ daysLeft: 2 });
    expect(deadlineFigure(deadline, 'Asia/Tashkent', new Date('2030-05-03T12:00:00Z'))).toBe('closed');
  });

  it('lists imports in progress with who started them, and not finished ones', async () => {
    const editor = await createStaff('editor');
    const db = await getDb();
    const file = { encoding: 'utf-8', delimiter: ',', headers: ['Name', 'Email'], mapping: ['name', 'email'] };
    const [open] = await db
      .insert(contactImports)
      .values({
        ...file,
        fileName: 'open.csv',
        rows: [['A', 'a@example.org']],
        createdBy: editor.id,
        createdByEmail: editor.email,
      })
      .returning();
    await db
      .insert(contactImports)
      .values({ ...file, fileName: 'done.csv', rows: [], status: 'done', createdBy: editor.id });
    const { imports } = await getDashboard({ actor: editor, now });
    const mine = imports!.filter((i) => i.fileName === 'open.csv' || i.fileName === 'done.csv');
    expect(mine).toEqual([
      expect.objectContaining({ id: open!.id, status: 'previewing', rows: 1, startedBy: editor.name ?? editor.email }),
    ]);
  });
});

describe(`submitting a summary for review (${process.env.TEST_DATABASE_KIND})`, () => {
  it('emails every active editor and admin but the submitter, and shows it on their dashboards only', async () => {
    const db = await getDb();
    // Deactivate everyone earlier tests made, so the recipients are exactly the staff made here.
    await db.update(users).set({ active: false });
    const submitter = await createStaff('editor');
    const reviewer = await createStaff('editor');
    const admin = await createStaff('admin');
    const viewer = await createStaff('viewer');
    const gone = await createUser({ role: 'admin', active: false });
    const meeting = await createMeeting({ status: 'held' });
    const text = {
      headlineEn: 'Experts meet in Tashkent',
      headlineRu: 'Эксперты',
      leadEn: 'L',
      leadRu: 'Л',
      bodyEn: 'B',
      bodyRu: 'Б',
    };
    const [summary] = await db
      .insert(summaries)
      .values({ meetingId: meeting.id, slug: `experts-${meeting.id.slice(0, 8)}`, ...text })
      .returning();
    await db.insert(summaryPhotos).values({
      summaryId: summary!.id,
      altEn: 'A',
      altRu: 'А',
      credit: 'UNRCCA',
      contentType: 'image/jpeg',
      width: 800,
      height: 600,
      byteSize: 1,
      sha256: 'x',
      data: Buffer.from([0]),
    });
    const before = await db.select({ id: outboxMessages.id }).from(outboxMessages);

    expect(await submitSummaryForReview(submitter, summary!.id)).toEqual({ ok: true });

    const sent = (await db.select().from(outboxMessages)).filter((m) => !before.some((b) => b.id === m.id));
    expect(sent.map((m) => m.toAddress).sort()).toEqual([admin.email, reviewer.email].sort());
    expect(sent.map((m) => m.toAddress)).not.toContain(gone.email);
    expect(sent.map((m) => m.toAddress)).not.toContain(viewer.email);
    for (const mail of sent) {
      expect(mail.kind).toBe('summary_review');
      expect(mail.subject).toBe('Summary to review: Experts meet in Tashkent');
      expect(mail.textBody).toContain(`/staff/summaries/${summary!.id}`);
      expect(mail.textBody).toContain('Plenary');
    }

    const ids = async (actor: typeof submitter) => (await getDashboard({ actor, now })).toReview?.map((s) => s.id);
    expect(await ids(reviewer)).toContain(summary!.id);
    expect(await ids(admin)).toContain(summary!.id);
    expect(await ids(submitter)).not.toContain(summary!.id);
  });

  it('sends nothing when the submission is refused', async () => {
    const db = await getDb();
    const submitter = await createStaff('editor');
    await createStaff('admin');
    const meeting = await createMeeting({ status: 'held' });
    // No photo, empty body: incomplete.
    const [summary] = await db
      .insert(summaries)
      .values({
        meetingId: meeting.id,
        slug: `empty-${meeting.id.slice(0, 8)}`,
        headlineEn: 'H',
        headlineRu: 'Н',
        leadEn: '',
        leadRu: '',
        bodyEn: '',
        bodyRu: '',
      })
      .returning();
    const before = (await db.select().from(outboxMessages)).length;
    expect((await submitSummaryForReview(submitter, summary!.id)).ok).toBe(false);
    expect((await db.select().from(outboxMessages)).length).toBe(before);
  });
});
