import type { ContactLanguage } from '@/lib/domain';
import type { CourtesyTitle, GrammaticalGender } from './courtesy';
import {
  defaultLanguage,
  organisationMatchKey,
  readRow,
  type ColumnMapping,
  type ImportedContact,
  type ImportField,
  type OrganisationMention,
} from './contact-import';

// The planning of a contact import, without the database: where each organisation the file names goes, and what
// each row would do to the directory as it stands. db/contact-import.ts loads the directory and stores the result.

// ── Organisations named by the file ──────────────────────────────────────────────────────────────────────────────

export type OrganisationRef = { id: string; nameEn: string; nameRu: string | null; acronym: string | null };

/** A new organisation the file names, and the rows that name it. */
export type PlannedOrganisation = {
  key: string;
  name: string;
  acronym: string | null;
  rows: number;
  mappedTo: OrganisationRef | null;
};

export type Target = { kind: 'existing'; organisation: OrganisationRef } | { kind: 'new'; key: string };

// \u001f (unit separator) between name and acronym: never typed, and (unlike \u0000) storable in jsonb.
export const mentionKey = (m: OrganisationMention) =>
  `${organisationMatchKey(m.name)}\u001f${m.acronym ? organisationMatchKey(m.acronym) : ''}`;

/**
 * Where each organisation the file names goes: an existing one, matched by acronym (case-insensitive) or by name
 * (case- and space-insensitive, English or Russian), or a new one. Mentions that share an acronym or a name are one
 * new organisation. `choices` are staff's decisions to map a new one to an existing one instead.
 */
export function resolveOrganisations(
  mentions: OrganisationMention[],
  existing: OrganisationRef[],
  choices: Record<string, string>,
) {
  const byAcronym = new Map<string, OrganisationRef>();
  const byName = new Map<string, OrganisationRef>();
  const byId = new Map(existing.map((o) => [o.id, o]));
  for (const o of existing) {
    if (o.acronym) byAcronym.set(organisationMatchKey(o.acronym), o);
    byName.set(organisationMatchKey(o.nameEn), o);
    if (o.nameRu) byName.set(organisationMatchKey(o.nameRu), o);
  }

  const targets = new Map<string, Target>();
  const unmatched: OrganisationMention[] = [];
  for (const mention of mentions) {
    const key = mentionKey(mention);
    if (targets.has(key) || unmatched.some((m) => mentionKey(m) === key)) continue;
    const name = organisationMatchKey(mention.name);
    const found =
      (mention.acronym && byAcronym.get(organisationMatchKey(mention.acronym))) ||
      byName.get(name) ||
      byAcronym.get(name);
    if (found) targets.set(key, { kind: 'existing', organisation: found });
    else unmatched.push(mention);
  }

  // Group the unmatched mentions: one shared acronym or name makes them one organisation.
  const parent = unmatched.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const seen = new Map<string, number>();
  unmatched.forEach((mention, i) => {
    const labels = [`n:${organisationMatchKey(mention.name)}`];
    if (mention.acronym)
      labels.push(`a:${organisationMatchKey(mention.acronym)}`, `n:${organisationMatchKey(mention.acronym)}`);
    for (const label of labels) {
      const other = seen.get(label);
      if (other === undefined) seen.set(label, i);
      else parent[root(i)] = root(other);
    }
  });
  const groups = new Map<number, OrganisationMention[]>();
  unmatched.forEach((mention, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), mention]));

  const planned: Omit<PlannedOrganisation, 'rows'>[] = [];
  // Mention → the new organisation it belongs to, whether or not staff mapped that one to an existing organisation.
  const plannedKeyOf = new Map<string, string>();
  for (const group of groups.values()) {
    const acronym = group.find((m) => m.acronym)?.acronym ?? null;
    // The fullest name written: "OSCE" alone is a poorer name than the one spelled out.
    const name = group.map((m) => m.name).sort((a, b) => b.length - a.length)[0]!;
    const key = acronym ? `acronym:${organisationMatchKey(acronym)}` : `name:${organisationMatchKey(name)}`;
    const mappedTo = choices[key] ? (byId.get(choices[key]) ?? null) : null;
    planned.push({ key, name, acronym, mappedTo });
    for (const mention of group) {
      plannedKeyOf.set(mentionKey(mention), key);
      targets.set(mentionKey(mention), mappedTo ? { kind: 'existing', organisation: mappedTo } : { kind: 'new', key });
    }
  }
  return { targets, planned, plannedKeyOf };
}

/** "OSCE" for a contact's organisation, existing or still to be created by the import. */
export function organisationLabeller(existing: OrganisationRef[], planned: Omit<PlannedOrganisation, 'rows'>[]) {
  const byId = new Map(existing.map((o) => [o.id, o]));
  const byKey = new Map(planned.map((p) => [p.key, p]));
  return (c: Pick<StoredContact, 'organisationId' | 'organisationKey'>): string | null => {
    if (c.organisationKey) {
      const p = byKey.get(c.organisationKey);
      return p ? (p.acronym ?? p.name) : null;
    }
    const o = c.organisationId ? byId.get(c.organisationId) : undefined;
    return o ? organisationLabel(o) : null;
  };
}

// ── Rows compared with the directory ─────────────────────────────────────────────────────────────────────────────

export type StoredContact = {
  id: string | null;
  name: string;
  nameLatin: string | null;
  title: string | null;
  courtesyTitle: CourtesyTitle | null;
  grammaticalGender: GrammaticalGender | null;
  email: string;
  phone: string | null;
  organisationId: string | null;
  organisationKey: string | null;
  country: string | null;
  language: ContactLanguage;
  tags: string[];
  notes: string;
  source: string;
};

export type FieldChange = { field: ImportField; from: string; to: string };

export type RowOutcome =
  | { line: number; outcome: 'rejected'; reason: string; name: string | null; email: string | null }
  | {
      line: number;
      outcome: 'create' | 'update' | 'unchanged';
      name: string;
      email: string;
      organisation: string | null;
      changes: FieldChange[];
      // An earlier line of the same file with the same email: this row merges into it.
      sameAsLine: number | null;
    };

const organisationLabel = (o: OrganisationRef) => o.acronym ?? o.nameEn;

/**
 * What the rows would do, in file order, starting from `stored` (the directory's contacts with these emails).
 * Blank cells never clear a value; a later row with an email seen earlier updates that contact.
 */
export function planRows(
  rows: string[][],
  lineOf: (index: number) => number,
  mapping: ColumnMapping,
  stored: Map<string, StoredContact>,
  targets: Map<string, Target>,
  organisationLabelOf: (c: Pick<StoredContact, 'organisationId' | 'organisationKey'>) => string | null,
  source: string,
  /** Why a row that is a valid contact is still refused (a roster import's term), or null. */
  rejectRow?: (cells: string[]) => string | null,
) {
  const state = new Map(stored);
  const firstSeen = new Map<string, number>();
  const outcomes: RowOutcome[] = [];
  rows.forEach((cells, index) => {
    const line = lineOf(index);
    const read = readRow(cells, mapping);
    const refusal = read.ok ? (rejectRow?.(cells) ?? null) : null;
    const reading = refusal ? { ok: false as const, reason: refusal } : read;
    if (!reading.ok) {
      const nameIndex = mapping.indexOf('name');
      const emailIndex = mapping.indexOf('email');
      outcomes.push({
        line,
        outcome: 'rejected',
        reason: reading.reason,
        name: nameIndex >= 0 ? (cells[nameIndex]?.trim() ?? null) : null,
        email: emailIndex >= 0 ? (cells[emailIndex]?.trim() ?? null) : null,
      });
      return;
    }
    const row = reading.contact;
    const target = row.organisation ? targets.get(mentionKey(row.organisation)) : undefined;
    const before = state.get(row.email);
    const sameAsLine = firstSeen.get(row.email) ?? null;
    if (sameAsLine === null) firstSeen.set(row.email, line);
    const after = applyRow(before, row, target, source);
    const changes = before ? describeChanges(before, after, organisationLabelOf) : [];
    state.set(row.email, after);
    outcomes.push({
      line,
      outcome: !before ? 'create' : changes.length ? 'update' : 'unchanged',
      name: after.name,
      email: row.email,
      organisation: organisationLabelOf(after),
      changes,
      sameAsLine,
    });
  });
  return { outcomes, state };
}

function applyRow(
  before: StoredContact | undefined,
  row: ImportedContact,
  target: Target | undefined,
  source: string,
): StoredContact {
  const organisationId = target?.kind === 'existing' ? target.organisation.id : null;
  const organisationKey = target?.kind === 'new' ? target.key : null;
  if (!before) {
    return {
      id: null,
      name: row.name,
      nameLatin: row.nameLatin,
      title: row.title,
      courtesyTitle: row.courtesyTitle,
      grammaticalGender: row.grammaticalGender,
      email: row.email,
      phone: row.phone,
      organisationId,
      organisationKey,
      country: row.country,
      language: row.language ?? defaultLanguage(row.name),
      tags: row.tags,
      notes: row.notes ?? '',
      source: row.source ?? source,
    };
  }
  const notes =
    !row.notes || before.notes.includes(row.notes)
      ? before.notes
      : [before.notes, row.notes].filter(Boolean).join('\n');
  return {
    ...before,
    name: row.name,
    nameLatin: row.nameLatin ?? before.nameLatin,
    title: row.title ?? before.title,
    courtesyTitle: row.courtesyTitle ?? before.courtesyTitle,
    grammaticalGender: row.grammaticalGender ?? before.grammaticalGender,
    phone: row.phone ?? before.phone,
    organisationId: target ? organisationId : before.organisationId,
    organisationKey: target ? organisationKey : before.organisationKey,
    country: row.country ?? before.country,
    language: row.language ?? before.language,
    tags: [...new Set([...before.tags, ...row.tags])],
    notes,
    source: before.source || (row.source ?? ''),
  };
}

function describeChanges(
  before: StoredContact,
  after: StoredContact,
  organisationOf: (c: Pick<StoredContact, 'organisationId' | 'organisationKey'>) => string | null,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const text = (field: ImportField, from: string | null, to: string | null) => {
    if ((from ?? '') !== (to ?? '')) changes.push({ field, from: from ?? '', to: to ?? '' });
  };
  text('name', before.name, after.name);
  text('nameLatin', before.nameLatin, after.nameLatin);
  text('title', before.title, after.title);
  text('courtesyTitle', before.courtesyTitle, after.courtesyTitle);
  text('grammaticalGender', before.grammaticalGender, after.grammaticalGender);
  text('phone', before.phone, after.phone);
  if (before.organisationId !== after.organisationId || before.organisationKey !== after.organisationKey) {
    changes.push({ field: 'organisation', from: organisationOf(before) ?? '', to: organisationOf(after) ?? '' });
  }
  text('country', before.country, after.country);
  text('language', before.language, after.language);
  text('tags', before.tags.join(', '), after.tags.join(', '));
  text('notes', before.notes, after.notes);
  text('source', before.source, after.source);
  return changes;
}

export type OutcomeCounts = {
  create: number;
  update: number;
  unchanged: number;
  rejected: number;
  /** Rows that repeat an email from an earlier line, whatever they change: merged into that line's contact. */
  repeated: number;
  /** Contacts the import would create or change (a contact repeated over several rows counts once). */
  contactsChanged: number;
};

/** The preview's summary: each row in exactly one bucket, so the buckets add up to the file's rows. */
export function countOutcomes(outcomes: RowOutcome[]): OutcomeCounts {
  const counts = { create: 0, update: 0, unchanged: 0, rejected: 0, repeated: 0 };
  const changed = new Set<string>();
  for (const o of outcomes) {
    if (o.outcome === 'rejected') counts.rejected++;
    else if (o.sameAsLine !== null) counts.repeated++;
    else counts[o.outcome]++;
    if (o.outcome === 'create' || o.outcome === 'update') changed.add(o.email);
  }
  return { ...counts, contactsChanged: changed.size };
}
