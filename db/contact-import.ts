import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { mappingFromHeaders, mappingProblems, readRow, type ColumnMapping } from '@/lib/contact-import';
import {
  countOutcomes,
  mentionKey,
  organisationLabeller,
  planRows,
  resolveOrganisations,
  type OrganisationRef,
  type OutcomeCounts,
  type PlannedOrganisation,
  type RowOutcome,
  type StoredContact,
  type Target,
} from '@/lib/contact-import-plan';
import type { CsvEncoding } from '@/lib/csv';
import { readRosterTerm, type RosterContext, type RosterReading } from '@/lib/roster-import';
import type { RosterTerm } from '@/lib/schemas/roster';
import { actorOf, recordAudit, recordAudits } from './audit';
import { getDb, type DbExecutor } from './client';
import { contactKeys, organisationSearchKey } from './directory-keys';
import { insertTerms, lockCouncil } from './roster-bulk';
import {
  contactImports,
  contacts,
  councilMembers,
  councils,
  organisations,
  workingGroups,
  type ContactImport,
} from './schema';

// An import goes: upload (the route handler stores the parsed rows) → column mapping when the headers are unknown →
// preview (what each row would do, which organisations would be created) → start (creates those organisations) →
// chunks of rows, each in its own transaction, until done. Each step reads the stored rows, so every app instance
// sees the same import, and a chunk interrupted by a crash is simply done again.

export const IMPORT_CHUNK_SIZE = 500;

async function loadStored(executor: DbExecutor, emails: string[]): Promise<Map<string, StoredContact>> {
  const stored = new Map<string, StoredContact>();
  for (let i = 0; i < emails.length; i += 5000) {
    const rows = await executor
      .select()
      .from(contacts)
      .where(inArray(contacts.email, emails.slice(i, i + 5000)));
    for (const c of rows) stored.set(c.email, { ...c, organisationKey: null });
  }
  return stored;
}

async function loadOrganisations(executor: DbExecutor): Promise<OrganisationRef[]> {
  return executor
    .select({
      id: organisations.id,
      nameEn: organisations.nameEn,
      nameRu: organisations.nameRu,
      acronym: organisations.acronym,
    })
    .from(organisations)
    .orderBy(asc(organisations.createdAt), asc(organisations.id));
}

// ── Upload, mapping, preview ─────────────────────────────────────────────────────────────────────────────────────

export async function createContactImport(
  actor: StaffUser,
  file: {
    fileName: string;
    encoding: CsvEncoding;
    delimiter: string;
    headers: string[];
    rows: string[][];
    lines: number[];
  },
  /** A roster import: every row also joins this council's roster (db/roster-bulk.ts has the rules). */
  rosterCouncilId: string | null = null,
): Promise<string> {
  assertRole(actor, 'editor');
  const db = await getDb();
  const { mapping, complete } = mappingFromHeaders(file.headers);
  return db.transaction(async (tx) => {
    const [council] = rosterCouncilId
      ? await tx.select({ id: councils.id }).from(councils).where(eq(councils.id, rosterCouncilId))
      : [];
    const [created] = await tx
      .insert(contactImports)
      .values({
        createdBy: actor.id,
        createdByEmail: actor.email,
        fileName: file.fileName,
        encoding: file.encoding,
        delimiter: file.delimiter,
        headers: file.headers,
        rows: file.rows,
        rowLines: file.lines,
        mapping,
        mappingConfirmed: complete,
        rosterCouncilId: council?.id ?? null,
      })
      .returning({ id: contactImports.id });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'contact_import.uploaded',
      entityType: 'contact_import',
      entityId: created!.id,
      after: {
        fileName: file.fileName,
        encoding: file.encoding,
        rows: file.rows.length,
        rosterCouncilId: council?.id ?? null,
      },
    });
    return created!.id;
  });
}

export async function getContactImport({ actor, id }: { actor: StaffUser; id: string }): Promise<ContactImport | null> {
  assertRole(actor, 'editor');
  const db = await getDb();
  const [batch] = await db.select().from(contactImports).where(eq(contactImports.id, id));
  return batch ?? null;
}

export type ImportSummary = Pick<
  ContactImport,
  'id' | 'fileName' | 'status' | 'rowsDone' | 'counts' | 'createdAt' | 'createdByEmail' | 'finishedAt'
> & { totalRows: number };

export async function listContactImports({ actor }: { actor: StaffUser }): Promise<ImportSummary[]> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db
    .select({
      id: contactImports.id,
      fileName: contactImports.fileName,
      status: contactImports.status,
      rowsDone: contactImports.rowsDone,
      counts: contactImports.counts,
      createdAt: contactImports.createdAt,
      createdByEmail: contactImports.createdByEmail,
      finishedAt: contactImports.finishedAt,
      totalRows: sql<number>`jsonb_array_length(${contactImports.rows})`,
    })
    .from(contactImports)
    .orderBy(desc(contactImports.createdAt))
    .limit(20);
}

// ── A roster import ─────────────────────────────────────────────────────────────────────────────────────────────

type Term = Pick<RosterTerm, 'termFrom' | 'termTo'>;
const overlaps = (a: Term, b: Term) =>
  (a.termTo === null || a.termTo >= b.termFrom) && (b.termTo === null || b.termTo >= a.termFrom);

async function loadRosterContext(executor: DbExecutor, councilId: string, existing: OrganisationRef[]) {
  const [council] = await executor.select({ nameEn: councils.nameEn }).from(councils).where(eq(councils.id, councilId));
  const groups = await executor
    .select({ id: workingGroups.id, nameEn: workingGroups.nameEn, nameRu: workingGroups.nameRu })
    .from(workingGroups)
    .where(eq(workingGroups.councilId, councilId));
  const context: RosterContext = { organisations: existing, workingGroups: groups };
  return council ? { name: council.nameEn, context } : null;
}

/** Reads each row's term once; planRows refuses a row whose term cannot be read. */
function rosterReader(mapping: ColumnMapping, context: RosterContext) {
  const readings = new WeakMap<string[], RosterReading>();
  const read = (cells: string[]) => {
    let reading = readings.get(cells);
    if (!reading) readings.set(cells, (reading = readRosterTerm(cells, mapping, context)));
    return reading;
  };
  const reject = (cells: string[]) => {
    const reading = read(cells);
    return reading.ok ? null : reading.reason;
  };
  return { read, reject };
}

/** The council's terms of these contacts, by contact. */
async function termsOf(executor: DbExecutor, councilId: string, contactIds: string[]) {
  const terms = new Map<string, Term[]>();
  if (!contactIds.length) return terms;
  const rows = await executor
    .select({ contactId: councilMembers.contactId, termFrom: councilMembers.termFrom, termTo: councilMembers.termTo })
    .from(councilMembers)
    .where(and(eq(councilMembers.councilId, councilId), inArray(councilMembers.contactId, contactIds)));
  for (const r of rows) terms.set(r.contactId, [...(terms.get(r.contactId) ?? []), r]);
  return terms;
}

/** Why each row of a finished roster import that was a valid contact was refused for the roster, by line. */
export async function rosterRejections({
  actor,
  batch,
}: {
  actor: StaffUser;
  batch: ContactImport;
}): Promise<Record<number, string>> {
  assertRole(actor, 'editor');
  if (!batch.rosterCouncilId) return {};
  const db = await getDb();
  const roster = await loadRosterContext(db, batch.rosterCouncilId, await loadOrganisations(db));
  if (!roster) return {};
  const mapping = batch.mapping as ColumnMapping;
  const reasons: Record<number, string> = {};
  batch.rows.forEach((cells, index) => {
    if (!readRow(cells, mapping).ok) return;
    const reading = readRosterTerm(cells, mapping, roster.context);
    if (!reading.ok) reasons[index] = reading.reason;
  });
  return reasons;
}

export type RosterPreview = {
  councilId: string;
  council: string;
  join: number;
  skip: number;
  /** What each accepted row does on the roster, by line. */
  byLine: Record<number, string>;
};

export type ImportPreview = {
  outcomes: RowOutcome[];
  organisations: PlannedOrganisation[];
  counts: OutcomeCounts;
  roster: RosterPreview | null;
};

const sourceOf = (batch: Pick<ContactImport, 'fileName' | 'createdAt'>) =>
  `Import of ${batch.fileName} on ${batch.createdAt.toISOString().slice(0, 10)}`;

/** What confirming the import would do, row by row, against the directory as it is now. */
export async function previewContactImport({
  actor,
  batch,
}: {
  actor: StaffUser;
  batch: ContactImport;
}): Promise<ImportPreview> {
  assertRole(actor, 'editor');
  const db = await getDb();
  const mapping = batch.mapping as ColumnMapping;
  const readings = batch.rows.map((cells) => readRow(cells, mapping));
  const mentions = readings.flatMap((r) => (r.ok && r.contact.organisation ? [r.contact.organisation] : []));
  const existing = await loadOrganisations(db);
  const { targets, planned, plannedKeyOf } = resolveOrganisations(mentions, existing, batch.organisationChoices);
  const emails = [...new Set(readings.flatMap((r) => (r.ok ? [r.contact.email] : [])))];
  const stored = await loadStored(db, emails);
  const roster = batch.rosterCouncilId ? await loadRosterContext(db, batch.rosterCouncilId, existing) : null;
  const reader = roster ? rosterReader(mapping, roster.context) : null;
  const { outcomes } = planRows(
    batch.rows,
    (index) => batch.rowLines?.[index] ?? index + 2,
    mapping,
    stored,
    targets,
    organisationLabeller(existing, planned),
    sourceOf(batch),
    reader?.reject,
  );
  let rosterPreview: RosterPreview | null = null;
  if (roster && reader && batch.rosterCouncilId) {
    const storedIds = [...stored.values()].flatMap((c) => (c.id ? [c.id] : []));
    const held = await termsOf(db, batch.rosterCouncilId, storedIds);
    // Terms the file itself gives, by email: a later row for the same person must not overlap an earlier one.
    const given = new Map<string, Term[]>();
    rosterPreview = { councilId: batch.rosterCouncilId, council: roster.name, join: 0, skip: 0, byLine: {} };
    outcomes.forEach((o, index) => {
      if (o.outcome === 'rejected') return;
      const reading = reader.read(batch.rows[index]!);
      if (!reading.ok) return;
      const id = stored.get(o.email)?.id;
      const terms = [...(id ? (held.get(id) ?? []) : []), ...(given.get(o.email) ?? [])];
      if (terms.some((t) => overlaps(t, reading.term))) {
        rosterPreview!.skip++;
        rosterPreview!.byLine[o.line] = `Already on the roster in those dates: skipped (${reading.description})`;
        return;
      }
      given.set(o.email, [...(given.get(o.email) ?? []), reading.term]);
      rosterPreview!.join++;
      rosterPreview!.byLine[o.line] = `Joins the roster: ${reading.description}`;
    });
  }

  const rowsPerOrganisation = new Map<string, number>();
  for (const mention of mentions) {
    const key = plannedKeyOf.get(mentionKey(mention));
    if (key) rowsPerOrganisation.set(key, (rowsPerOrganisation.get(key) ?? 0) + 1);
  }
  const counts = countOutcomes(outcomes);
  return {
    outcomes,
    organisations: planned
      .map((p) => ({ ...p, rows: rowsPerOrganisation.get(p.key) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    counts,
    roster: rosterPreview,
  };
}

export type ImportChangeResult =
  { ok: true } | { ok: false; reason: 'notFound' | 'notPreviewing' | 'mappingIncomplete'; problems?: string[] };

export async function saveImportMapping(
  actor: StaffUser,
  id: string,
  mapping: ColumnMapping,
): Promise<ImportChangeResult> {
  assertRole(actor, 'editor');
  const problems = mappingProblems(mapping);
  if (problems.length) return { ok: false, reason: 'mappingIncomplete', problems };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(contactImports)
      .set({ mapping, mappingConfirmed: true, updatedAt: sql`now()` })
      .where(
        and(
          eq(contactImports.id, id),
          eq(contactImports.status, 'previewing'),
          sql`jsonb_array_length(${contactImports.headers}) = ${mapping.length}`,
        ),
      )
      .returning({ id: contactImports.id });
    if (!updated.length) return { ok: false, reason: 'notPreviewing' } as const;
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'contact_import.columns_chosen',
      entityType: 'contact_import',
      entityId: id,
      after: { mapping },
    });
    return { ok: true } as const;
  });
}

/** Staff's answer for one organisation the file would create: an existing organisation instead, or null to create it. */
export async function chooseImportOrganisation(
  actor: StaffUser,
  id: string,
  key: string,
  organisationId: string | null,
): Promise<ImportChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [batch] = await tx.select().from(contactImports).where(eq(contactImports.id, id)).for('update');
    if (!batch) return { ok: false, reason: 'notFound' } as const;
    if (batch.status !== 'previewing') return { ok: false, reason: 'notPreviewing' } as const;
    if (organisationId) {
      const [found] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      if (!found) return { ok: false, reason: 'notFound' } as const;
    }
    const choices = { ...batch.organisationChoices };
    if (organisationId) choices[key] = organisationId;
    else delete choices[key];
    await tx
      .update(contactImports)
      .set({ organisationChoices: choices, updatedAt: sql`now()` })
      .where(eq(contactImports.id, id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'contact_import.organisation_chosen',
      entityType: 'contact_import',
      entityId: id,
      after: { organisation: key, mappedTo: organisationId },
    });
    return { ok: true } as const;
  });
}

export async function cancelContactImport(actor: StaffUser, id: string): Promise<ImportChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(contactImports)
      // The rows are personal data the directory does not keep for a file that was not imported.
      .set({ status: 'cancelled', rows: [], updatedAt: sql`now()`, finishedAt: sql`now()` })
      .where(and(eq(contactImports.id, id), eq(contactImports.status, 'previewing')))
      .returning({ id: contactImports.id, fileName: contactImports.fileName });
    if (!updated.length) return { ok: false, reason: 'notPreviewing' } as const;
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'contact_import.cancelled',
      entityType: 'contact_import',
      entityId: id,
      after: { fileName: updated[0]!.fileName },
    });
    return { ok: true } as const;
  });
}

// ── The import itself ────────────────────────────────────────────────────────────────────────────────────────────

/** Confirms the preview: creates the new organisations and hands the rows to runContactImport. */
export async function startContactImport(actor: StaffUser, id: string): Promise<ImportChangeResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [batch] = await tx.select().from(contactImports).where(eq(contactImports.id, id)).for('update');
    if (!batch) return { ok: false, reason: 'notFound' } as const;
    if (batch.status !== 'previewing') return { ok: false, reason: 'notPreviewing' } as const;
    const mapping = batch.mapping as ColumnMapping;
    const problems = mappingProblems(mapping);
    if (problems.length) return { ok: false, reason: 'mappingIncomplete', problems } as const;
    // Organisations are matched and created under one lock, so two imports at once cannot create the same one twice.
    await tx.execute(sql`select pg_advisory_xact_lock(${ORGANISATION_CREATION_LOCK})`);
    const mentions = batch.rows.flatMap((cells) => {
      const r = readRow(cells, mapping);
      return r.ok && r.contact.organisation ? [r.contact.organisation] : [];
    });
    const { planned } = resolveOrganisations(mentions, await loadOrganisations(tx), batch.organisationChoices);
    const organisationIds: Record<string, string> = {};
    const actorRef = actorOf(actor);
    for (const p of planned) {
      if (p.mappedTo) {
        organisationIds[p.key] = p.mappedTo.id;
        continue;
      }
      const values = {
        nameEn: p.name,
        acronym: p.acronym,
        type: 'other' as const,
        notes: `Created by ${sourceOf(batch)}.`,
      };
      const [created] = await tx
        .insert(organisations)
        .values({ ...values, searchKey: organisationSearchKey(values) })
        .returning({ id: organisations.id });
      organisationIds[p.key] = created!.id;
      await recordAudit(tx, {
        actor: actorRef,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: created!.id,
        after: { ...values, import: id },
      });
    }
    // Where each organisation the file names goes, decided once for the whole file: a chunk of 500 rows alone could
    // group the names differently (a name without its acronym) and lose staff's choice.
    const settled = resolveOrganisations(mentions, await loadOrganisations(tx), {
      ...batch.organisationChoices,
      ...organisationIds,
    });
    for (const [key, target] of settled.targets) {
      if (target.kind === 'existing') organisationIds[`${MENTION}${key}`] = target.organisation.id;
    }
    await tx
      .update(contactImports)
      .set({ status: 'applying', organisationIds, rowsDone: 0, counts: {}, updatedAt: sql`now()` })
      .where(eq(contactImports.id, id));
    await recordAudit(tx, {
      actor: actorRef,
      action: 'contact_import.started',
      entityType: 'contact_import',
      entityId: id,
      after: {
        fileName: batch.fileName,
        rows: batch.rows.length,
        organisationsCreated: planned.filter((p) => !p.mappedTo).length,
      },
    });
    return { ok: true } as const;
  });
}

const ORGANISATION_CREATION_LOCK = 7_310_224_002;
// Keys of organisationIds that map a mention (name and acronym as written) to its organisation.
const MENTION = 'mention:';

/**
 * Imports the next chunk of rows of an import that is applying; false when there is nothing (more) to do here — done,
 * or another instance holds the import right now. Each chunk is one transaction holding the import's row lock.
 */
export async function importNextChunk(id: string, chunkSize = IMPORT_CHUNK_SIZE): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Only this chunk's rows leave the database, not the whole file each time.
    const [batch] = await tx
      .select({
        id: contactImports.id,
        fileName: contactImports.fileName,
        createdAt: contactImports.createdAt,
        createdBy: contactImports.createdBy,
        createdByEmail: contactImports.createdByEmail,
        mapping: contactImports.mapping,
        organisationIds: contactImports.organisationIds,
        organisationChoices: contactImports.organisationChoices,
        rowsDone: contactImports.rowsDone,
        counts: contactImports.counts,
        rosterCouncilId: contactImports.rosterCouncilId,
        totalRows: sql<number>`jsonb_array_length(${contactImports.rows})`,
        chunk: sql<
          string[][]
        >`jsonb_path_query_array(${contactImports.rows}, ('$[' || ${contactImports.rowsDone} || ' to ' || (${contactImports.rowsDone} + ${chunkSize - 1}) || ']')::jsonpath)`,
        lines: sql<
          number[] | null
        >`jsonb_path_query_array(${contactImports.rowLines}, ('$[' || ${contactImports.rowsDone} || ' to ' || (${contactImports.rowsDone} + ${chunkSize - 1}) || ']')::jsonpath)`,
      })
      .from(contactImports)
      .where(and(eq(contactImports.id, id), eq(contactImports.status, 'applying')))
      .for('update', { skipLocked: true });
    if (!batch) return false;
    const mapping = batch.mapping as ColumnMapping;
    const chunk = batch.chunk;
    const readings = chunk.map((cells) => readRow(cells, mapping));
    const mentions = readings.flatMap((r) => (r.ok && r.contact.organisation ? [r.contact.organisation] : []));
    const existing = await loadOrganisations(tx);
    const byId = new Map(existing.map((o) => [o.id, o]));
    // The targets settled when the import started; one whose organisation has gone since leaves the field as it is.
    const targets = new Map<string, Target>();
    for (const mention of mentions) {
      const organisation = byId.get(batch.organisationIds[`${MENTION}${mentionKey(mention)}`] ?? '');
      if (organisation) targets.set(mentionKey(mention), { kind: 'existing', organisation });
    }
    const planned: Omit<PlannedOrganisation, 'rows'>[] = [];
    const emails = [...new Set(readings.flatMap((r) => (r.ok ? [r.contact.email] : [])))];
    const stored = await loadStored(tx, emails);
    const roster = batch.rosterCouncilId ? await loadRosterContext(tx, batch.rosterCouncilId, existing) : null;
    const reader = roster ? rosterReader(mapping, roster.context) : null;
    const { outcomes, state } = planRows(
      chunk,
      (index) => batch.lines?.[index] ?? batch.rowsDone + index + 2,
      mapping,
      stored,
      targets,
      organisationLabeller(existing, planned),
      sourceOf(batch),
      reader?.reject,
    );

    const actor = { id: batch.createdBy, email: batch.createdByEmail };
    const changedEmails = new Set(
      outcomes.flatMap((o) => (o.outcome === 'create' || o.outcome === 'update' ? [o.email] : [])),
    );
    const audits: Parameters<typeof recordAudits>[1] = [];
    const inserts = [];
    for (const email of changedEmails) {
      const contact = state.get(email)!;
      // A new organisation the start step did not create (the directory changed in between) is left blank.
      const organisationId =
        contact.organisationId ??
        (contact.organisationKey ? (batch.organisationIds[contact.organisationKey] ?? null) : null);
      const values = {
        name: contact.name,
        nameLatin: contact.nameLatin,
        title: contact.title,
        courtesyTitle: contact.courtesyTitle,
        grammaticalGender: contact.grammaticalGender,
        email,
        phone: contact.phone,
        organisationId,
        country: contact.country,
        language: contact.language,
        tags: contact.tags,
        notes: contact.notes,
        source: contact.source,
      };
      if (contact.id) {
        await tx
          .update(contacts)
          .set({ ...values, ...contactKeys(values), updatedAt: sql`now()` })
          .where(eq(contacts.id, contact.id));
        const before = stored.get(email)!;
        audits.push({
          actor,
          action: 'contact.updated',
          entityType: 'contact',
          entityId: contact.id,
          before: { ...before, organisationKey: undefined },
          after: { ...values, import: id },
        });
      } else {
        inserts.push({ ...values, ...contactKeys(values) });
      }
    }
    if (inserts.length) {
      const created = await tx.insert(contacts).values(inserts).returning({ id: contacts.id, email: contacts.email });
      const byEmail = new Map(inserts.map((v) => [v.email, v]));
      for (const c of created) {
        const { searchKey: _s, sortKey: _k, ...values } = byEmail.get(c.email)!;
        void _s;
        void _k;
        audits.push({
          actor,
          action: 'contact.created',
          entityType: 'contact',
          entityId: c.id,
          after: { ...values, import: id },
        });
      }
    }
    await recordAudits(tx, audits);

    const counts = { ...batch.counts };
    for (const o of outcomes) counts[o.outcome] = (counts[o.outcome] ?? 0) + 1;
    if (reader && batch.rosterCouncilId && (await lockCouncil(tx, batch.rosterCouncilId))) {
      const { added, skipped } = await addImportedTerms(tx, batch.rosterCouncilId, id, actor, outcomes, (index) =>
        reader.read(chunk[index]!),
      );
      counts.rosterAdded = (counts.rosterAdded ?? 0) + added;
      counts.rosterSkipped = (counts.rosterSkipped ?? 0) + skipped;
    }
    const rowsDone = batch.rowsDone + chunk.length;
    const done = rowsDone >= batch.totalRows;
    await tx
      .update(contactImports)
      .set({
        rowsDone,
        counts,
        updatedAt: sql`now()`,
        ...(done ? { status: 'done' as const, finishedAt: sql`now()` } : {}),
      })
      .where(eq(contactImports.id, id));
    if (done) {
      await recordAudit(tx, {
        actor,
        action: 'contact_import.finished',
        entityType: 'contact_import',
        entityId: id,
        after: { fileName: batch.fileName, counts },
      });
    }
    return !done;
  });
}

/** Runs an applying import to its end (from `after()` of the request that started it, or of a progress page). */
export async function runContactImport(id: string): Promise<void> {
  while (await importNextChunk(id)) {
    // Each chunk commits on its own; the loop ends when done or when another instance holds the import.
  }
}

/** An applying import whose last chunk is older than this has lost the instance that ran it (a chunk takes < 1 s). */
export const STALLED_IMPORT_SECONDS = 60;

/**
 * Takes up imports left half done by an instance that died, for housekeeping: those applying whose last chunk
 * committed more than STALLED_IMPORT_SECONDS before `now`. Returns how many it ran to their end (or until another
 * instance took them: the chunks' row lock keeps two from importing the same rows).
 */
export async function resumeStalledImports(now = new Date()): Promise<number> {
  const db = await getDb();
  const stalled = await db
    .select({ id: contactImports.id })
    .from(contactImports)
    .where(
      and(
        eq(contactImports.status, 'applying'),
        sql`${contactImports.updatedAt} < ${now.toISOString()}::timestamptz - make_interval(secs => ${STALLED_IMPORT_SECONDS})`,
      ),
    );
  for (const { id } of stalled) await runContactImport(id);
  return stalled.length;
}

/**
 * A chunk's roster terms, once its contacts are written, under the council's lock (the caller holds it): each row's
 * person joins unless they hold a term overlapping the row's, on the council or from an earlier row.
 */
async function addImportedTerms(
  tx: DbExecutor,
  councilId: string,
  importId: string,
  actor: { id: string | null; email: string | null },
  outcomes: RowOutcome[],
  readingOf: (index: number) => RosterReading,
) {
  const rows = outcomes.flatMap((o, index) => {
    if (o.outcome === 'rejected') return [];
    const reading = readingOf(index);
    return reading.ok ? [{ email: o.email, term: reading.term }] : [];
  });
  if (!rows.length) return { added: 0, skipped: 0 };
  const ids = new Map(
    (
      await tx
        .select({ id: contacts.id, email: contacts.email })
        .from(contacts)
        .where(inArray(contacts.email, [...new Set(rows.map((r) => r.email))]))
    ).map((c) => [c.email, c.id]),
  );
  const held = await termsOf(tx, councilId, [...ids.values()]);
  const toAdd: { contactId: string; term: RosterTerm }[] = [];
  for (const row of rows) {
    const contactId = ids.get(row.email);
    if (!contactId) continue;
    const terms = held.get(contactId) ?? [];
    if (terms.some((t) => overlaps(t, row.term))) continue;
    held.set(contactId, [...terms, row.term]);
    toAdd.push({ contactId, term: row.term });
  }
  await insertTerms(tx, councilId, toAdd);
  if (toAdd.length) {
    await recordAudit(tx, {
      actor,
      action: 'council.members_imported',
      entityType: 'council',
      entityId: councilId,
      after: { import: importId, added: toAdd.length, contactIds: toAdd.map((a) => a.contactId) },
    });
  }
  return { added: toAdd.length, skipped: rows.length - toAdd.length };
}
