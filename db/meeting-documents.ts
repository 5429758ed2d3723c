import 'server-only';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { assertRole, roleAtLeast, type StaffUser } from '@/lib/auth/roles';
import { actorOf, recordAudit } from './audit';
import { getDb, type DbExecutor } from './client';
import type { StoredFile } from './file-storage';
import type {
  DocumentLanguage,
  DocumentVisibility,
  ListedDocument,
  MeetingDocumentKind,
} from '@/lib/meeting-documents';
import { meetingDocumentFiles, meetingDocuments, meetings } from './schema';

// A meeting's documents (concept note, programme …), each with one current file per language and the earlier
// versions kept. Who may read a file is decided here: staff (viewer and up) any file; a delegate, through their
// invitation link, the current files of their meeting's documents for delegates or the public; anyone, the current
// files of public ones. A withdrawn document is for staff only.

export type DocumentFileRow = {
  id: string;
  language: DocumentLanguage;
  version: number;
  fileName: string;
  contentType: string;
  byteSize: number;
  uploadedAt: Date;
  current: boolean;
};

export type StaffDocument = {
  id: string;
  kind: MeetingDocumentKind;
  visibility: DocumentVisibility;
  titleEn: string;
  titleRu: string;
  position: number;
  withdrawnAt: Date | null;
  files: DocumentFileRow[];
};

export type DocumentChangeResult = { ok: true; documentId: string } | { ok: false; reason: 'notFound' | 'withdrawn' };

/** Every document of a meeting for the staff page, withdrawn ones last, each with all its versions (newest first). */
export async function listMeetingDocuments({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<StaffDocument[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const documents = await db
    .select()
    .from(meetingDocuments)
    .where(eq(meetingDocuments.meetingId, meetingId))
    .orderBy(sql`${meetingDocuments.withdrawnAt} is not null`, asc(meetingDocuments.position));
  if (!documents.length) return [];
  const files = await db
    .select()
    .from(meetingDocumentFiles)
    .where(
      inArray(
        meetingDocumentFiles.documentId,
        documents.map((d) => d.id),
      ),
    )
    .orderBy(asc(meetingDocumentFiles.language), desc(meetingDocumentFiles.version));
  return documents.map((document) => ({
    id: document.id,
    kind: document.kind,
    visibility: document.visibility,
    titleEn: document.titleEn,
    titleRu: document.titleRu,
    position: document.position,
    withdrawnAt: document.withdrawnAt,
    files: files
      .filter((file) => file.documentId === document.id)
      .map((file) => ({
        id: file.id,
        language: file.language,
        version: file.version,
        fileName: file.fileName,
        contentType: file.contentType,
        byteSize: file.byteSize,
        uploadedAt: file.uploadedAt,
        current: file.supersededAt === null,
      })),
  }));
}

export type NewDocumentFile = { language: DocumentLanguage; fileName: string; stored: StoredFile };

/** Makes `file` the current one for its language: `both` replaces the English and Russian files, and either of those replaces `both`. */
async function addFile(tx: DbExecutor, actor: StaffUser, documentId: string, file: NewDocumentFile) {
  const replaced: DocumentLanguage[] = file.language === 'both' ? ['en', 'ru', 'both'] : [file.language, 'both'];
  await tx
    .update(meetingDocumentFiles)
    .set({ supersededAt: sql`now()` })
    .where(
      and(
        eq(meetingDocumentFiles.documentId, documentId),
        inArray(meetingDocumentFiles.language, replaced),
        isNull(meetingDocumentFiles.supersededAt),
      ),
    );
  const [last] = await tx
    .select({ version: sql<number>`coalesce(max(${meetingDocumentFiles.version}), 0)::int` })
    .from(meetingDocumentFiles)
    .where(and(eq(meetingDocumentFiles.documentId, documentId), eq(meetingDocumentFiles.language, file.language)));
  const version = (last?.version ?? 0) + 1;
  await tx.insert(meetingDocumentFiles).values({
    documentId,
    language: file.language,
    version,
    storedFileId: file.stored.id,
    fileName: file.fileName,
    contentType: file.stored.contentType,
    byteSize: file.stored.byteSize,
    sha256: file.stored.sha256,
    uploadedById: actor.id,
  });
  return version;
}

/** A new document with its first file, placed last. */
export async function addMeetingDocument(
  actor: StaffUser,
  values: {
    meetingId: string;
    kind: MeetingDocumentKind;
    visibility: DocumentVisibility;
    titleEn: string;
    titleRu: string;
    file: NewDocumentFile;
  },
): Promise<DocumentChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.id, values.meetingId))
      .for('update');
    if (!meeting) return { ok: false, reason: 'notFound' };
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${meetingDocuments.position}), -1)::int` })
      .from(meetingDocuments)
      .where(eq(meetingDocuments.meetingId, values.meetingId));
    const [document] = await tx
      .insert(meetingDocuments)
      .values({
        meetingId: values.meetingId,
        kind: values.kind,
        visibility: values.visibility,
        titleEn: values.titleEn,
        titleRu: values.titleRu,
        position: (last?.position ?? -1) + 1,
        createdById: actor.id,
      })
      .returning({ id: meetingDocuments.id });
    await addFile(tx, actor, document!.id, values.file);
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'document.added',
      entityType: 'meeting',
      entityId: values.meetingId,
      after: {
        documentId: document!.id,
        kind: values.kind,
        visibility: values.visibility,
        language: values.file.language,
        fileName: values.file.fileName,
      },
    });
    return { ok: true, documentId: document!.id };
  });
}

/** A new version of a document's file in one language (or its first file in that language). */
export async function addDocumentVersion(
  actor: StaffUser,
  values: { meetingId: string; documentId: string; file: NewDocumentFile },
): Promise<DocumentChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const document = await lockDocument(tx, values.meetingId, values.documentId);
    if (!document) return { ok: false, reason: 'notFound' };
    if (document.withdrawnAt) return { ok: false, reason: 'withdrawn' };
    const version = await addFile(tx, actor, document.id, values.file);
    await tx
      .update(meetingDocuments)
      .set({ updatedAt: sql`now()` })
      .where(eq(meetingDocuments.id, document.id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'document.version_added',
      entityType: 'meeting',
      entityId: values.meetingId,
      after: { documentId: document.id, language: values.file.language, version, fileName: values.file.fileName },
    });
    return { ok: true, documentId: document.id };
  });
}

async function lockDocument(tx: DbExecutor, meetingId: string, documentId: string) {
  const [document] = await tx
    .select()
    .from(meetingDocuments)
    .where(and(eq(meetingDocuments.id, documentId), eq(meetingDocuments.meetingId, meetingId)))
    .for('update');
  return document ?? null;
}

export async function updateMeetingDocument(
  actor: StaffUser,
  values: {
    meetingId: string;
    documentId: string;
    kind: MeetingDocumentKind;
    visibility: DocumentVisibility;
    titleEn: string;
    titleRu: string;
  },
): Promise<DocumentChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const document = await lockDocument(tx, values.meetingId, values.documentId);
    if (!document) return { ok: false, reason: 'notFound' };
    const after = {
      kind: values.kind,
      visibility: values.visibility,
      titleEn: values.titleEn,
      titleRu: values.titleRu,
    };
    await tx
      .update(meetingDocuments)
      .set({ ...after, updatedAt: sql`now()` })
      .where(eq(meetingDocuments.id, document.id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'document.changed',
      entityType: 'meeting',
      entityId: values.meetingId,
      before: {
        documentId: document.id,
        kind: document.kind,
        visibility: document.visibility,
        titleEn: document.titleEn,
        titleRu: document.titleRu,
      },
      after: { documentId: document.id, ...after },
    });
    return { ok: true, documentId: document.id };
  });
}

/** Swaps a document with its neighbour among the meeting's documents that are not withdrawn. */
export async function moveMeetingDocument(
  actor: StaffUser,
  values: { meetingId: string; documentId: string; direction: 'up' | 'down' },
): Promise<DocumentChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, values.meetingId)).for('update');
    const listed = await tx
      .select({ id: meetingDocuments.id, position: meetingDocuments.position })
      .from(meetingDocuments)
      .where(and(eq(meetingDocuments.meetingId, values.meetingId), isNull(meetingDocuments.withdrawnAt)))
      .orderBy(asc(meetingDocuments.position), asc(meetingDocuments.createdAt));
    const at = listed.findIndex((d) => d.id === values.documentId);
    if (at < 0) return { ok: false, reason: 'notFound' };
    const other = values.direction === 'up' ? at - 1 : at + 1;
    if (other < 0 || other >= listed.length) return { ok: true, documentId: values.documentId };
    [listed[at], listed[other]] = [listed[other]!, listed[at]!];
    // Positions rewritten 0…n-1: earlier equal positions (documents added at once) cannot make a move a no-op.
    for (const [position, document] of listed.entries()) {
      await tx.update(meetingDocuments).set({ position }).where(eq(meetingDocuments.id, document.id));
    }
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'document.moved',
      entityType: 'meeting',
      entityId: values.meetingId,
      after: { documentId: values.documentId, direction: values.direction },
    });
    return { ok: true, documentId: values.documentId };
  });
}

/** Takes a document off every page but the staff's; its files stay listed there. */
export async function withdrawMeetingDocument(
  actor: StaffUser,
  values: { meetingId: string; documentId: string },
): Promise<DocumentChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const document = await lockDocument(tx, values.meetingId, values.documentId);
    if (!document) return { ok: false, reason: 'notFound' };
    if (document.withdrawnAt) return { ok: false, reason: 'withdrawn' };
    await tx
      .update(meetingDocuments)
      .set({ withdrawnAt: sql`now()`, withdrawnById: actor.id, updatedAt: sql`now()` })
      .where(eq(meetingDocuments.id, document.id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'document.withdrawn',
      entityType: 'meeting',
      entityId: values.meetingId,
      before: { documentId: document.id, kind: document.kind, visibility: document.visibility },
    });
    return { ok: true, documentId: document.id };
  });
}

// ── What delegates and the public see ──────────────────────────────────────────────────────────────────────────────

export type DocumentAudience = 'public' | 'delegate';

const visibleTo = (audience: DocumentAudience) =>
  audience === 'public'
    ? eq(meetingDocuments.visibility, 'public')
    : or(eq(meetingDocuments.visibility, 'public'), eq(meetingDocuments.visibility, 'delegates'));

/**
 * The documents `audience` sees for a meeting, in their order, each with the one file to offer in `locale`: the
 * reader's language, the file for both, or else the other language (marked). Links: the public download route, or
 * for a delegate the route under their invitation link (`token`).
 */
export async function listDocumentsFor(
  params: { meetingId: string; locale: 'en' | 'ru' } & (
    { audience: 'public' } | { audience: 'delegate'; token: string }
  ),
): Promise<ListedDocument[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: meetingDocuments.id,
      kind: meetingDocuments.kind,
      titleEn: meetingDocuments.titleEn,
      titleRu: meetingDocuments.titleRu,
      fileId: meetingDocumentFiles.id,
      fileName: meetingDocumentFiles.fileName,
      contentType: meetingDocumentFiles.contentType,
      byteSize: meetingDocumentFiles.byteSize,
      language: meetingDocumentFiles.language,
    })
    .from(meetingDocuments)
    .innerJoin(meetingDocumentFiles, eq(meetingDocumentFiles.documentId, meetingDocuments.id))
    .where(
      and(
        eq(meetingDocuments.meetingId, params.meetingId),
        isNull(meetingDocuments.withdrawnAt),
        isNull(meetingDocumentFiles.supersededAt),
        visibleTo(params.audience),
      ),
    )
    .orderBy(asc(meetingDocuments.position), asc(meetingDocuments.createdAt));
  const other = params.locale === 'ru' ? 'en' : 'ru';
  const rank = (language: DocumentLanguage) => (language === params.locale ? 0 : language === 'both' ? 1 : 2);
  const chosen = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const held = chosen.get(row.id);
    if (!held || rank(row.language) < rank(held.language)) chosen.set(row.id, row);
  }
  return [...chosen.values()].map((row) => ({
    id: row.id,
    kind: row.kind,
    title: params.locale === 'ru' ? row.titleRu || row.titleEn : row.titleEn || row.titleRu,
    fileId: row.fileId,
    fileName: row.fileName,
    contentType: row.contentType,
    byteSize: row.byteSize,
    language: row.language,
    otherLanguage: row.language === other,
    href:
      params.audience === 'public'
        ? `/api/documents/${row.fileId}`
        : `/i/${encodeURIComponent(params.token)}/documents/${row.fileId}`,
  }));
}

export type FileAccess =
  { as: 'staff'; staff: StaffUser | null } | { as: 'delegate'; meetingId: string } | { as: 'public' };

export type DownloadableFile = {
  storedFileId: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  visibility: DocumentVisibility;
};

/** A document file for a download route, or null when there is none or `access` may not read it. */
export async function findDocumentFile(fileId: string, access: FileAccess): Promise<DownloadableFile | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      storedFileId: meetingDocumentFiles.storedFileId,
      fileName: meetingDocumentFiles.fileName,
      contentType: meetingDocumentFiles.contentType,
      byteSize: meetingDocumentFiles.byteSize,
      sha256: meetingDocumentFiles.sha256,
      supersededAt: meetingDocumentFiles.supersededAt,
      visibility: meetingDocuments.visibility,
      withdrawnAt: meetingDocuments.withdrawnAt,
      meetingId: meetingDocuments.meetingId,
    })
    .from(meetingDocumentFiles)
    .innerJoin(meetingDocuments, eq(meetingDocuments.id, meetingDocumentFiles.documentId))
    .where(eq(meetingDocumentFiles.id, fileId));
  if (!row) return null;
  const file = {
    storedFileId: row.storedFileId,
    fileName: row.fileName,
    contentType: row.contentType,
    byteSize: row.byteSize,
    sha256: row.sha256,
    visibility: row.visibility,
  };
  if (access.as === 'staff') return access.staff && roleAtLeast(access.staff.role, 'viewer') ? file : null;
  const listed = row.withdrawnAt === null && row.supersededAt === null;
  if (access.as === 'public') return listed && row.visibility === 'public' ? file : null;
  return listed && row.visibility !== 'staff' && row.meetingId === access.meetingId ? file : null;
}
