import 'server-only';
import { and, eq } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { actorOf, recordAudit } from './audit';
import { type DbExecutor, getDb } from './client';
import { summaries, type Summary, type SummaryText, summaryVersions } from './schema';

// Editing a draft summary's text: each save is a new version, and any earlier version can be restored.

export const SUMMARY_TEXT_FIELDS = [
  'slug',
  'headlineEn',
  'headlineRu',
  'leadEn',
  'leadRu',
  'bodyEn',
  'bodyRu',
] as const;
const textOf = (row: SummaryText): SummaryText =>
  Object.fromEntries(SUMMARY_TEXT_FIELDS.map((field) => [field, row[field]])) as SummaryText;

export type SummaryChangeResult =
  | { ok: true; version?: number; unchanged?: boolean }
  | {
      ok: false;
      reason:
        | 'notFound'
        | 'notDraft'
        | 'conflict'
        | 'slugTaken'
        | 'incomplete'
        | 'ownSubmission'
        | 'notInReview'
        | 'notPublished'
        | 'meetingNotHeld'
        | 'versionNotFound';
      missing?: string[];
    };

export async function lockSummary(executor: DbExecutor, id: string): Promise<Summary | undefined> {
  const [summary] = await executor.select().from(summaries).where(eq(summaries.id, id)).for('update');
  return summary;
}

async function writeVersion(
  tx: DbExecutor,
  actor: StaffUser,
  summary: Summary,
  text: SummaryText,
  note: string,
): Promise<SummaryChangeResult> {
  const before = textOf(summary);
  if (SUMMARY_TEXT_FIELDS.every((field) => before[field] === text[field]))
    return { ok: true, unchanged: true, version: summary.version };
  if (text.slug !== summary.slug) {
    const [clash] = await tx.select({ id: summaries.id }).from(summaries).where(eq(summaries.slug, text.slug));
    if (clash) return { ok: false, reason: 'slugTaken' };
  }
  const version = summary.version + 1;
  await tx
    .update(summaries)
    .set({ ...text, version, updatedAt: new Date() })
    .where(eq(summaries.id, summary.id));
  await tx
    .insert(summaryVersions)
    .values({ summaryId: summary.id, number: version, text, savedById: actor.id, savedByEmail: actor.email, note });
  await recordAudit(tx, {
    actor: actorOf(actor),
    action: 'summary.saved',
    entityType: 'summary',
    entityId: summary.id,
    after: { version, note, changed: SUMMARY_TEXT_FIELDS.filter((field) => before[field] !== text[field]) },
  });
  return { ok: true, version };
}

/**
 * Saves the text as a new version. `baseVersion` is the version the editor started from: if someone saved since,
 * nothing is written and the editor is told (their text stays in the form).
 */
export async function saveSummaryText(
  actor: StaffUser,
  id: string,
  baseVersion: number,
  text: SummaryText,
): Promise<SummaryChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const summary = await lockSummary(tx, id);
    if (!summary) return { ok: false, reason: 'notFound' };
    if (summary.status !== 'draft') return { ok: false, reason: 'notDraft' };
    if (summary.version !== baseVersion) return { ok: false, reason: 'conflict' };
    return writeVersion(tx, actor, summary, text, 'Edited');
  });
}

/** The text of an earlier version becomes the current one, as a new version (nothing is lost). */
export async function restoreSummaryVersion(
  actor: StaffUser,
  id: string,
  number: number,
): Promise<SummaryChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const summary = await lockSummary(tx, id);
    if (!summary) return { ok: false, reason: 'notFound' };
    if (summary.status !== 'draft') return { ok: false, reason: 'notDraft' };
    const [version] = await tx
      .select()
      .from(summaryVersions)
      .where(and(eq(summaryVersions.summaryId, id), eq(summaryVersions.number, number)));
    if (!version) return { ok: false, reason: 'versionNotFound' };
    return writeVersion(tx, actor, summary, version.text, `Restored version ${number}`);
  });
}

/**
 * What a summary still lacks before it can go to review: its texts. A photo is recommended (the page shares
 * better with one) but not required: a closed meeting may have none that can be published.
 */
export function missingForReview(summary: SummaryText): string[] {
  return SUMMARY_TEXT_FIELDS.filter((field) => !summary[field].trim());
}
