import 'server-only';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { appBaseUrl } from '@/lib/env';
import { escapeHtml, htmlButton, htmlEmail } from '@/lib/mail/html';
import { actorOf, recordAudit } from './audit';
import { type DbExecutor, getDb } from './client';
import { enqueueMail } from './outbox';
import { meetings, summaries, users } from './schema';
import { lockSummary, missingForReview, type SummaryChangeResult } from './summary-editing';

// A summary's way to the public: draft → in review → published (four eyes), and back.

export async function submitSummaryForReview(actor: StaffUser, id: string): Promise<SummaryChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const summary = await lockSummary(tx, id);
    if (!summary) return { ok: false, reason: 'notFound' };
    if (summary.status !== 'draft') return { ok: false, reason: 'notDraft' };
    const missing = missingForReview(summary);
    if (missing.length) return { ok: false, reason: 'incomplete', missing };
    await tx
      .update(summaries)
      .set({ status: 'in_review', submittedById: actor.id, submittedAt: new Date(), updatedAt: new Date() })
      .where(eq(summaries.id, id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.submitted',
      entityType: 'summary',
      entityId: id,
      after: { version: summary.version },
    });
    await notifyReviewers(tx, actor, id, summary.headlineEn);
    return { ok: true };
  });
}

/**
 * Tells everyone who may publish the summary (active editors and admins, not the submitter: four eyes) that it waits
 * for them, in the submission's transaction so the email goes if and only if the submission stands. Staff mail is in
 * English.
 */
async function notifyReviewers(tx: DbExecutor, submitter: StaffUser, id: string, headline: string) {
  const reviewers = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ['editor', 'admin']), ne(users.id, submitter.id)))
    .orderBy(asc(users.email));
  const [meeting] = await tx
    .select({ title: meetings.titleEn })
    .from(summaries)
    .innerJoin(meetings, eq(meetings.id, summaries.meetingId))
    .where(eq(summaries.id, id));
  const link = `${appBaseUrl()}/staff/summaries/${id}`;
  const by = submitter.name ?? submitter.email;
  const title = headline || '(no headline yet)';
  const subject = `Summary to review: ${title}`;
  for (const reviewer of reviewers) {
    const greeting = reviewer.name ? `Dear ${reviewer.name},` : 'Dear colleague,';
    await enqueueMail(tx, {
      kind: 'summary_review',
      to: reviewer.email,
      toName: reviewer.name,
      subject,
      text: [
        greeting,
        '',
        `${by} has submitted the summary “${title}” of ${meeting?.title ?? 'a meeting'} for review.`,
        'Please read it and publish it, or return it to draft with your comments:',
        '',
        link,
        '',
        'Council Desk',
      ].join('\n'),
      html: htmlEmail({
        lang: 'en',
        title: subject,
        paragraphs: [
          escapeHtml(greeting),
          `${escapeHtml(by)} has submitted the summary “${escapeHtml(title)}” of ${escapeHtml(meeting?.title ?? 'a meeting')} for review.`,
          'Please read it and publish it, or return it to draft with your comments.',
          htmlButton(link, 'Open the summary'),
        ],
      }),
    });
  }
}

/** Back to the editors (a reviewer asks for changes, or the submitter wants to change something). */
export async function returnSummaryToDraft(actor: StaffUser, id: string): Promise<SummaryChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const summary = await lockSummary(tx, id);
    if (!summary) return { ok: false, reason: 'notFound' };
    if (summary.status !== 'in_review') return { ok: false, reason: 'notInReview' };
    await tx
      .update(summaries)
      .set({ status: 'draft', submittedById: null, submittedAt: null, updatedAt: new Date() })
      .where(eq(summaries.id, id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.returned_to_draft',
      entityType: 'summary',
      entityId: id,
    });
    return { ok: true };
  });
}

export type PublishResult = SummaryChangeResult & { slug?: string };

/** The summary and its meeting's status, both rows locked: the meeting's first, the order every writer keeps. */
async function lockSummaryAndMeeting(tx: DbExecutor, id: string) {
  const [link] = await tx.select({ meetingId: summaries.meetingId }).from(summaries).where(eq(summaries.id, id));
  if (!link) return null;
  const [meeting] = await tx
    .select({ status: meetings.status })
    .from(meetings)
    .where(eq(meetings.id, link.meetingId))
    .for('update');
  const summary = await lockSummary(tx, id);
  return summary && meeting ? { summary, meeting } : null;
}

/**
 * Publishes a summary in review. Four eyes: whoever submitted it cannot publish it, whatever their role. The
 * meeting moves to "summary published" in the same transaction (meeting row locked first, as everywhere).
 */
export async function publishSummary(actor: StaffUser, id: string): Promise<PublishResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockSummaryAndMeeting(tx, id);
    if (!locked) return { ok: false, reason: 'notFound' };
    const { summary, meeting } = locked;
    if (summary.status !== 'in_review') return { ok: false, reason: 'notInReview' };
    if (summary.submittedById === actor.id) return { ok: false, reason: 'ownSubmission' };
    if (meeting.status !== 'held') return { ok: false, reason: 'meetingNotHeld' };
    const now = new Date();
    await tx
      .update(summaries)
      .set({
        status: 'published',
        publishedById: actor.id,
        publishedAt: now,
        firstPublishedAt: summary.firstPublishedAt ?? now,
        updatedAt: now,
      })
      .where(eq(summaries.id, id));
    await tx
      .update(meetings)
      .set({ status: 'summary_published', updatedAt: now })
      .where(eq(meetings.id, summary.meetingId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.published',
      entityType: 'summary',
      entityId: id,
      after: { version: summary.version, slug: summary.slug },
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.status_changed',
      entityType: 'meeting',
      entityId: summary.meetingId,
      before: { status: 'held' },
      after: { status: 'summary_published' },
    });
    return { ok: true, slug: summary.slug };
  });
}

/** Takes a published summary off the public site (back to draft); the meeting goes back to "held". */
export async function unpublishSummary(actor: StaffUser, id: string): Promise<PublishResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const locked = await lockSummaryAndMeeting(tx, id);
    if (!locked) return { ok: false, reason: 'notFound' };
    const { summary, meeting } = locked;
    if (summary.status !== 'published') return { ok: false, reason: 'notPublished' };
    const now = new Date();
    await tx
      .update(summaries)
      .set({
        status: 'draft',
        submittedById: null,
        submittedAt: null,
        publishedAt: null,
        publishedById: null,
        updatedAt: now,
      })
      .where(eq(summaries.id, id));
    if (meeting.status === 'summary_published') {
      await tx.update(meetings).set({ status: 'held', updatedAt: now }).where(eq(meetings.id, summary.meetingId));
      await recordAudit(tx, {
        actor: actorOf(actor),
        action: 'meeting.status_changed',
        entityType: 'meeting',
        entityId: summary.meetingId,
        before: { status: 'summary_published' },
        after: { status: 'held' },
      });
    }
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.unpublished',
      entityType: 'summary',
      entityId: id,
      after: { slug: summary.slug },
    });
    return { ok: true, slug: summary.slug };
  });
}
