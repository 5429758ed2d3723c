import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { DOCX_TYPE, PDF_TYPE } from '@/lib/documents';
import { noteVerbaleContent, renderNoteVerbaleContent } from '@/lib/documents/note-verbale';
import { meetingPlace, signatureLine } from '@/lib/mail/invitation-email';
import {
  DEFAULT_NOTE_TEXTS,
  formatReference,
  letterDate,
  letterDates,
  type NotePlaceholderValues,
} from '@/lib/note-verbale';
import { organisationAcronym } from '@/lib/organisation-label';
import { actorOf, recordAudit, type AuditActor } from './audit';
import { getDb, type DbExecutor } from './client';
import { loadInvitationMeeting, type LoadedMeeting } from './invitation-mail';
import { councils, meetings, noteReferenceCounters, notesVerbales, type MailAttachment } from './schema';

// Notes verbales: the meeting's template, the reference numbers (a sequence per prefix and year), the register, and
// the files, which are written again from the register's stored words whenever someone asks for them (a few
// kilobytes of text per note instead of two files; the copy that was sent is in the outbox).

/** The prefix when the council gives none: the secretariat's acronym, else "NV" (note verbale). */
const FALLBACK_PREFIX = 'NV';

export type NoteSettings = {
  meeting: LoadedMeeting;
  texts: { en: string; ru: string };
  prefix: string;
  prefixSetting: string | null;
  place: { en: string | null; ru: string | null };
};

async function loadSettings(executor: DbExecutor, meetingId: string): Promise<NoteSettings | null> {
  const meeting = await loadInvitationMeeting(executor, meetingId);
  if (!meeting) return null;
  const [council] = await executor
    .select({
      prefix: councils.noteReferencePrefix,
      placeEn: councils.notePlaceEn,
      placeRu: councils.notePlaceRu,
    })
    .from(councils)
    .where(eq(councils.id, meeting.councilId));
  const prefixSetting = council?.prefix ?? null;
  return {
    meeting,
    texts: {
      en: meeting.noteTextEn?.trim() ? meeting.noteTextEn : DEFAULT_NOTE_TEXTS.en,
      ru: meeting.noteTextRu?.trim() ? meeting.noteTextRu : DEFAULT_NOTE_TEXTS.ru,
    },
    prefix: prefixSetting ?? (meeting.secretariat && organisationAcronym(meeting.secretariat, 'en')) ?? FALLBACK_PREFIX,
    prefixSetting,
    place: { en: council?.placeEn ?? null, ru: council?.placeRu ?? null },
  };
}

export async function getNoteSettings({ actor, meetingId }: { actor: StaffUser; meetingId: string }) {
  assertRole(actor, 'viewer');
  return loadSettings(await getDb(), meetingId);
}

/** The placeholders' values for a note in `language` about `meeting`: what the preview and the note both use. */
export function notePlaceholderValues(
  meeting: LoadedMeeting,
  language: 'en' | 'ru',
  { addressee, quota, deadline }: { addressee: string; quota: number | null; deadline: Date | null },
): NotePlaceholderValues {
  return {
    secretariat: signatureLine(meeting, language),
    addressee,
    meeting: language === 'ru' ? meeting.titleRu : meeting.titleEn,
    dates: letterDates(meeting.startsAt, meeting.endsAt, meeting.timeZone, language),
    venue: meetingPlace(meeting, language),
    quota: quota === null ? '' : String(quota),
    deadline: deadline
      ? letterDate(deadline, meeting.timeZone, language)
      : language === 'ru'
        ? 'возможно более раннего срока'
        : 'the earliest convenience',
  };
}

export async function saveNoteTexts(
  actor: StaffUser,
  meetingId: string,
  texts: { noteTextEn: string | null; noteTextRu: string | null },
): Promise<{ ok: boolean }> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ noteTextEn: meetings.noteTextEn, noteTextRu: meetings.noteTextRu })
      .from(meetings)
      .where(eq(meetings.id, meetingId))
      .for('update');
    if (!before) return { ok: false };
    // The standard text is stored as "none", so a later improvement of the standard reaches this meeting too.
    const own = (text: string | null, language: 'en' | 'ru') =>
      text?.trim() && text.trim() !== DEFAULT_NOTE_TEXTS[language] ? text.trim() : null;
    const after = { noteTextEn: own(texts.noteTextEn, 'en'), noteTextRu: own(texts.noteTextRu, 'ru') };
    await tx
      .update(meetings)
      .set({ ...after, updatedAt: sql`now()` })
      .where(eq(meetings.id, meetingId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'meeting.note_texts_saved',
      entityType: 'meeting',
      entityId: meetingId,
      before,
      after,
    });
    return { ok: true };
  });
}

/** The council-wide reference prefix and place (admins: every meeting's notes change with them). */
export async function saveNoteReferenceSettings(
  actor: StaffUser,
  meetingId: string,
  settings: { prefix: string | null; placeEn: string | null; placeRu: string | null },
): Promise<{ ok: boolean }> {
  assertRole(actor, 'admin');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ councilId: meetings.councilId })
      .from(meetings)
      .where(eq(meetings.id, meetingId));
    if (!meeting) return { ok: false };
    const [before] = await tx
      .select({ prefix: councils.noteReferencePrefix, placeEn: councils.notePlaceEn, placeRu: councils.notePlaceRu })
      .from(councils)
      .where(eq(councils.id, meeting.councilId))
      .for('update');
    await tx
      .update(councils)
      .set({
        noteReferencePrefix: settings.prefix,
        notePlaceEn: settings.placeEn,
        notePlaceRu: settings.placeRu,
        updatedAt: sql`now()`,
      })
      .where(eq(councils.id, meeting.councilId));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'council.note_settings_saved',
      entityType: 'council',
      entityId: meeting.councilId,
      before,
      after: settings,
    });
    return { ok: true };
  });
}

/**
 * The next number of the (prefix, year) sequence. One statement creates the row or raises it, and the row stays
 * locked until the caller's transaction ends: two notes never share a number, and a note whose transaction rolls back
 * gives its number back.
 */
export async function nextReferenceNumber(executor: DbExecutor, prefix: string, year: number): Promise<number> {
  const [row] = await executor
    .insert(noteReferenceCounters)
    .values({ prefix, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [noteReferenceCounters.prefix, noteReferenceCounters.year],
      set: { lastNumber: sql`${noteReferenceCounters.lastNumber} + 1` },
    })
    .returning({ number: noteReferenceCounters.lastNumber });
  return row!.number;
}

export interface IssueNoteVerbaleInput {
  meetingId: string;
  delegationId?: string | null;
  language: 'en' | 'ru';
  /** As the note names it: no article in English, the dative in Russian. */
  addressee: string;
  quota: number | null;
  nominationDeadline: Date | null;
  /** Who issues it (the audit log and the register name them); null for the system. */
  issuedBy: AuditActor;
  now?: Date;
}

export type IssuedNoteVerbale = { id: string; reference: string; docx: Buffer; pdf: Buffer; text: string };

/**
 * Issues a note verbale in the caller's transaction: takes the next reference number, records the note in the
 * register and returns its files (to attach to the focal point's email). Null when the meeting does not exist.
 */
export async function issueNoteVerbale(
  executor: DbExecutor,
  input: IssueNoteVerbaleInput,
): Promise<IssuedNoteVerbale | null> {
  const settings = await loadSettings(executor, input.meetingId);
  if (!settings) return null;
  const { meeting } = settings;
  const now = input.now ?? new Date();
  // The year as the calendar reads it where the meeting is: a note written on 31 December stays in that year's series.
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: meeting.timeZone, year: 'numeric' }).format(now));
  const number = await nextReferenceNumber(executor, settings.prefix, year);
  const reference = formatReference(settings.prefix, year, number);
  const values = notePlaceholderValues(meeting, input.language, {
    addressee: input.addressee,
    quota: input.quota,
    deadline: input.nominationDeadline,
  });
  const content = noteVerbaleContent({
    language: input.language,
    reference,
    date: now,
    timeZone: meeting.timeZone,
    place: settings.place,
    addressee: input.addressee,
    secretariat: { en: signatureLine(meeting, 'en'), ru: signatureLine(meeting, 'ru') },
    meeting: { title: values.meeting, dates: values.dates, venue: values.venue },
    quota: input.quota,
    nominationDeadline: values.deadline,
    template: settings.texts[input.language],
  });
  const [row] = await executor
    .insert(notesVerbales)
    .values({
      meetingId: meeting.id,
      delegationId: input.delegationId ?? null,
      reference,
      prefix: settings.prefix,
      year,
      number,
      language: input.language,
      addressee: input.addressee,
      content,
      issuedAt: now,
      issuedById: input.issuedBy.id,
      issuedByEmail: input.issuedBy.email,
    })
    .returning({ id: notesVerbales.id });
  await recordAudit(executor, {
    actor: input.issuedBy,
    action: 'note_verbale.issued',
    entityType: 'meeting',
    entityId: meeting.id,
    after: {
      reference,
      addressee: input.addressee,
      language: input.language,
      delegationId: input.delegationId ?? null,
    },
  });
  const files = await renderNoteVerbaleContent(content);
  return { id: row!.id, reference, ...files };
}

/**
 * The note verbale that goes with a delegation's invitation, as email attachments (DOCX to initial and stamp, PDF):
 * the one already in the register for this delegation (a re-sent link carries the same note and number), else a new
 * one issued in the caller's transaction.
 */
export async function delegationNoteAttachments(
  executor: DbExecutor,
  input: IssueNoteVerbaleInput & { delegationId: string },
): Promise<MailAttachment[]> {
  const [existing] = await executor
    .select({ reference: notesVerbales.reference, content: notesVerbales.content })
    .from(notesVerbales)
    .where(eq(notesVerbales.delegationId, input.delegationId))
    .orderBy(desc(notesVerbales.issuedAt))
    .limit(1);
  const note = existing
    ? { reference: existing.reference, ...(await renderNoteVerbaleContent(existing.content)) }
    : await issueNoteVerbale(executor, input);
  if (!note) return [];
  return [
    {
      filename: noteFileName(note.reference, 'docx'),
      contentType: DOCX_TYPE,
      contentBase64: note.docx.toString('base64'),
    },
    {
      filename: noteFileName(note.reference, 'pdf'),
      contentType: PDF_TYPE,
      contentBase64: note.pdf.toString('base64'),
    },
  ];
}

/** A note staff issue themselves on the meeting's page (one not sent through a delegation's invitation). */
export async function issueNoteVerbaleByStaff(
  actor: StaffUser,
  meetingId: string,
  input: Pick<IssueNoteVerbaleInput, 'language' | 'addressee' | 'quota' | 'nominationDeadline'>,
): Promise<{ ok: true; id: string; reference: string } | { ok: false; reason: 'notFound' }> {
  assertRole(actor, 'editor');
  const db = await getDb();
  const issued = await db.transaction((tx) => issueNoteVerbale(tx, { ...input, meetingId, issuedBy: actorOf(actor) }));
  return issued ? { ok: true, id: issued.id, reference: issued.reference } : { ok: false, reason: 'notFound' };
}

export type NoteRegisterEntry = {
  id: string;
  reference: string;
  issuedAt: Date;
  addressee: string;
  language: 'en' | 'ru';
  issuedByEmail: string | null;
  delegationId: string | null;
};

export async function listNotesVerbales({
  actor,
  meetingId,
}: {
  actor: StaffUser;
  meetingId: string;
}): Promise<NoteRegisterEntry[]> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  return db
    .select({
      id: notesVerbales.id,
      reference: notesVerbales.reference,
      issuedAt: notesVerbales.issuedAt,
      addressee: notesVerbales.addressee,
      language: notesVerbales.language,
      issuedByEmail: notesVerbales.issuedByEmail,
      delegationId: notesVerbales.delegationId,
    })
    .from(notesVerbales)
    .where(eq(notesVerbales.meetingId, meetingId))
    .orderBy(desc(notesVerbales.year), desc(notesVerbales.number));
}

/** A registered note's files, written again from its stored words. */
export async function noteVerbaleFiles({
  actor,
  meetingId,
  noteId,
}: {
  actor: StaffUser;
  meetingId: string;
  noteId: string;
}): Promise<{ reference: string; docx: Buffer; pdf: Buffer } | null> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  const [note] = await db
    .select({ reference: notesVerbales.reference, content: notesVerbales.content })
    .from(notesVerbales)
    .where(and(eq(notesVerbales.id, noteId), eq(notesVerbales.meetingId, meetingId)));
  if (!note) return null;
  const { docx, pdf } = await renderNoteVerbaleContent(note.content);
  return { reference: note.reference, docx, pdf };
}

/** A file name for a note: its reference with the slashes made safe ("RCCA-2027-017.pdf"). */
export const noteFileName = (reference: string, extension: 'docx' | 'pdf') =>
  `${reference.replace(/[^\p{L}\p{N}-]+/gu, '-')}.${extension}`;
