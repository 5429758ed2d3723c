import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { assertRole, roleAtLeast, type StaffUser } from '@/lib/auth/roles';
import type { PhotoInfo } from '@/lib/summary/public';
import { actorOf, recordAudit } from './audit';
import { type DbExecutor, getDb } from './client';
import { readStoredFile, removeStoredFile, storageBackend, storeFile } from './file-storage';
import { summaries, summaryPhotos } from './schema';
import { lockSummary, type SummaryChangeResult } from './summary-editing';

// A summary's photos: added and removed while it is a draft, and their bytes for the photo route.

const photoInfoColumns = {
  id: summaryPhotos.id,
  summaryId: summaryPhotos.summaryId,
  position: summaryPhotos.position,
  altEn: summaryPhotos.altEn,
  altRu: summaryPhotos.altRu,
  credit: summaryPhotos.credit,
  contentType: summaryPhotos.contentType,
  width: summaryPhotos.width,
  height: summaryPhotos.height,
  byteSize: summaryPhotos.byteSize,
  sha256: summaryPhotos.sha256,
  uploadedById: summaryPhotos.uploadedById,
  createdAt: summaryPhotos.createdAt,
};

/** The photos of these summaries, without their bytes, in their order. */
export async function loadPhotos(executor: DbExecutor, summaryIds: string[]): Promise<PhotoInfo[]> {
  if (!summaryIds.length) return [];
  return executor
    .select(photoInfoColumns)
    .from(summaryPhotos)
    .where(inArray(summaryPhotos.summaryId, summaryIds))
    .orderBy(asc(summaryPhotos.position), asc(summaryPhotos.createdAt));
}

export type PhotoValues = {
  altEn: string;
  altRu: string;
  credit: string;
  image: { data: Buffer; contentType: string; width: number; height: number };
};

export async function addSummaryPhoto(
  actor: StaffUser,
  summaryId: string,
  values: PhotoValues,
): Promise<SummaryChangeResult & { photoId?: string }> {
  assertRole(actor, 'editor');
  const db = await getDb();
  const { image } = values;
  // With S3 configured the bytes go there, before the transaction (which must not wait on the network).
  const stored =
    storageBackend() === 's3'
      ? await storeFile(
          (async function* () {
            yield image.data;
          })(),
          { contentType: image.contentType, maxBytes: image.data.length, backend: 's3' },
        )
      : null;
  const result = await db.transaction(async (tx): Promise<SummaryChangeResult & { photoId?: string }> => {
    const summary = await lockSummary(tx, summaryId);
    if (!summary) return { ok: false, reason: 'notFound' };
    if (summary.status !== 'draft') return { ok: false, reason: 'notDraft' };
    const [lastPhoto] = await tx
      .select({ last: sql<number>`coalesce(max(${summaryPhotos.position}), -1)::int` })
      .from(summaryPhotos)
      .where(eq(summaryPhotos.summaryId, summaryId));
    const [photo] = await tx
      .insert(summaryPhotos)
      .values({
        summaryId,
        position: (lastPhoto?.last ?? -1) + 1,
        altEn: values.altEn,
        altRu: values.altRu,
        credit: values.credit,
        contentType: image.contentType,
        width: image.width,
        height: image.height,
        byteSize: image.data.length,
        sha256: createHash('sha256').update(image.data).digest('hex'),
        data: stored ? null : image.data,
        storedFileId: stored?.id ?? null,
        uploadedById: actor.id,
      })
      .returning({ id: summaryPhotos.id });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.photo_added',
      entityType: 'summary',
      entityId: summaryId,
      after: { photoId: photo!.id, altEn: values.altEn, credit: values.credit },
    });
    return { ok: true, photoId: photo!.id };
  });
  if (!result.ok && stored) await removeStoredFile(stored.id);
  return result;
}

export async function removeSummaryPhoto(
  actor: StaffUser,
  summaryId: string,
  photoId: string,
): Promise<SummaryChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  let storedToRemove: string | null = null;
  const result = await db.transaction(async (tx): Promise<SummaryChangeResult> => {
    const summary = await lockSummary(tx, summaryId);
    if (!summary) return { ok: false, reason: 'notFound' };
    if (summary.status !== 'draft') return { ok: false, reason: 'notDraft' };
    const removed = await tx
      .delete(summaryPhotos)
      .where(and(eq(summaryPhotos.id, photoId), eq(summaryPhotos.summaryId, summaryId)))
      .returning({ altEn: summaryPhotos.altEn, storedFileId: summaryPhotos.storedFileId });
    if (!removed.length) return { ok: false, reason: 'notFound' };
    if (removed[0]!.storedFileId) storedToRemove = removed[0]!.storedFileId;
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.photo_removed',
      entityType: 'summary',
      entityId: summaryId,
      before: { photoId, altEn: removed[0]!.altEn },
    });
    return { ok: true };
  });
  if (storedToRemove) await removeStoredFile(storedToRemove);
  return result;
}

/**
 * A photo's bytes for the photo route: anyone may have the photos of a published summary; the others only signed-in
 * staff. Null when there is no such photo or the caller may not see it. `currentStaff` is asked only for an
 * unpublished summary's photo, so public photos never cost a session lookup.
 */
export async function readPhotoFile({
  id,
  currentStaff,
}: {
  id: string;
  currentStaff: () => Promise<StaffUser | null>;
}): Promise<{ data: Buffer; contentType: string; sha256: string; public: boolean } | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      data: summaryPhotos.data,
      storedFileId: summaryPhotos.storedFileId,
      contentType: summaryPhotos.contentType,
      sha256: summaryPhotos.sha256,
      status: summaries.status,
    })
    .from(summaryPhotos)
    .innerJoin(summaries, eq(summaries.id, summaryPhotos.summaryId))
    .where(eq(summaryPhotos.id, id));
  if (!row) return null;
  const isPublic = row.status === 'published';
  if (!isPublic) {
    const staff = await currentStaff();
    if (!staff || !roleAtLeast(staff.role, 'viewer')) return null;
  }
  // A re-encoded photo is a few hundred kilobytes: read whole, also from S3.
  const data = row.data ?? (row.storedFileId ? await readStoredFile(row.storedFileId) : null);
  if (!data) return null;
  return { data, contentType: row.contentType, sha256: row.sha256, public: isPublic };
}
