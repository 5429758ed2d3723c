import 'server-only';
import { and, asc, count, desc, eq, exists, inArray, isNull, sql } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import type { OrganisationType } from '@/lib/domain';
import { draftSummary, speakerNames, type FactOrganisation, type SummaryFacts } from '@/lib/summary/draft';
import { actorOf, recordAudit } from './audit';
import { type DbExecutor, getDb } from './client';
import {
  agendaItemPeople,
  checkIns,
  agendaItems,
  contacts,
  councils,
  invitations,
  meetingOrganisations,
  meetings,
  organisations,
  registrations,
  summaries,
  summaryVersions,
} from './schema';

// A held meeting's first summary text, drafted from its records (lib/summary/draft.ts words it).

async function loadSummaryFacts(executor: DbExecutor, meetingId: string): Promise<SummaryFacts | null> {
  const [meeting] = await executor
    .select({
      titleEn: meetings.titleEn,
      titleRu: meetings.titleRu,
      startsAt: meetings.startsAt,
      timeZone: meetings.timeZone,
      cityEn: meetings.cityEn,
      cityRu: meetings.cityRu,
      cityRuLocative: meetings.cityRuLocative,
      agendaPublished: meetings.agendaPublished,
      council: {
        nameEn: councils.nameEn,
        nameRu: councils.nameRu,
        mandateEn: councils.mandateEn,
        mandateRu: councils.mandateRu,
      },
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(eq(meetings.id, meetingId));
  if (!meeting) return null;

  // Who came, where anyone was checked in at the door; else who registered (a meeting without check-in).
  const [checkedIn] = await executor
    .select({ one: sql<number>`1` })
    .from(checkIns)
    .where(and(eq(checkIns.meetingId, meetingId), isNull(checkIns.undoneAt)))
    .limit(1);
  const participantBasis = checkedIn ? 'attended' : 'registered';
  const registered = and(
    eq(registrations.meetingId, meetingId),
    checkedIn
      ? exists(
          sql`(select 1 from ${checkIns} where ${checkIns.invitationId} = ${registrations.invitationId} and ${checkIns.undoneAt} is null)`,
        )
      : eq(registrations.status, 'registered'),
  );
  const organisationColumns = {
    id: organisations.id,
    nameEn: organisations.nameEn,
    nameRu: organisations.nameRu,
    acronym: organisations.acronym,
    acronymRu: organisations.acronymRu,
    type: organisations.type,
  };
  const [linked, participantCountries, participantOrganisations, [participantTotal]] = await Promise.all([
    executor
      .select({ ...organisationColumns, role: meetingOrganisations.role })
      .from(meetingOrganisations)
      .innerJoin(organisations, eq(organisations.id, meetingOrganisations.organisationId))
      .where(eq(meetingOrganisations.meetingId, meetingId))
      .orderBy(asc(meetingOrganisations.position)),
    executor
      .select({ country: registrations.country })
      .from(registrations)
      .where(registered)
      .groupBy(registrations.country)
      .orderBy(desc(count()), asc(registrations.country)),
    executor
      .select({ ...organisationColumns, n: count() })
      .from(registrations)
      .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
      .innerJoin(contacts, eq(contacts.id, invitations.contactId))
      .innerJoin(organisations, eq(organisations.id, contacts.organisationId))
      .where(registered)
      .groupBy(organisations.id)
      .orderBy(desc(count()), asc(organisations.nameEn)),
    executor.select({ participants: count() }).from(registrations).where(registered),
  ]);

  const agenda = meeting.agendaPublished
    ? await executor
        .select()
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))
        .orderBy(asc(agendaItems.position), asc(agendaItems.startsAt))
    : [];
  // Only people the published agenda names as speakers or moderators: never a participant.
  const speakers = agenda.length
    ? await executor
        .select({
          agendaItemId: agendaItemPeople.agendaItemId,
          contactId: contacts.id,
          name: contacts.name,
          nameLatin: contacts.nameLatin,
        })
        .from(agendaItemPeople)
        .innerJoin(contacts, eq(contacts.id, agendaItemPeople.contactId))
        .where(
          and(
            inArray(
              agendaItemPeople.agendaItemId,
              agenda.map((item) => item.id),
            ),
            inArray(agendaItemPeople.role, ['speaker', 'moderator']),
          ),
        )
        // Speakers in the speaking order staff set, then moderators in theirs (the role enum's order).
        .orderBy(asc(agendaItemPeople.role), asc(agendaItemPeople.position), asc(contacts.sortKey))
    : [];
  // How each speaker last wrote their own name (the latest registration to any meeting, erased ones aside).
  const lastRegistrations = speakers.length
    ? await executor
        .selectDistinctOn([invitations.contactId], {
          contactId: invitations.contactId,
          displayName: registrations.displayName,
          passportName: registrations.passportName,
        })
        .from(registrations)
        .innerJoin(invitations, eq(invitations.id, registrations.invitationId))
        .where(
          and(
            inArray(
              invitations.contactId,
              speakers.map((s) => s.contactId),
            ),
            isNull(registrations.erasedAt),
          ),
        )
        .orderBy(invitations.contactId, desc(registrations.updatedAt))
    : [];
  const ownSpelling = new Map(lastRegistrations.map((r) => [r.contactId, r]));

  const typeTotals = new Map<OrganisationType, number>();
  for (const row of participantOrganisations) typeTotals.set(row.type, (typeTotals.get(row.type) ?? 0) + row.n);
  const fact = (o: FactOrganisation): FactOrganisation => ({
    nameEn: o.nameEn,
    nameRu: o.nameRu,
    acronym: o.acronym,
    acronymRu: o.acronymRu,
  });
  // The meeting's own organisations first (in their order), then the participants' ones (most participants first).
  const present = new Map<string, (typeof linked)[number] | (typeof participantOrganisations)[number]>();
  // The organiser is named as such, not again among those present.
  const organiserIds = new Set(linked.filter((o) => o.role === 'organiser').map((o) => o.id));
  for (const o of [...linked, ...participantOrganisations])
    if (!organiserIds.has(o.id) && !present.has(o.id)) present.set(o.id, o);
  const presentOfType = (type: OrganisationType) => [...present.values()].filter((o) => o.type === type).map(fact);

  return {
    meeting,
    council: meeting.council,
    organisers: linked.filter((o) => o.role === 'organiser').map(fact),
    coOrganisers: linked.filter((o) => o.role === 'co_organiser').map(fact),
    participantCount: participantTotal?.participants ?? 0,
    participantBasis,
    countries: participantCountries.map((row) => row.country),
    organisationTypes: [...typeTotals].sort((a, b) => b[1] - a[1]).map(([type]) => type),
    unEntities: presentOfType('un_entity'),
    regionalOrganisations: presentOfType('regional_organisation'),
    agenda: agenda.map((item) => ({
      kind: item.kind,
      titleEn: item.titleEn,
      titleRu: item.titleRu,
      descriptionEn: item.descriptionEn,
      descriptionRu: item.descriptionRu,
      speakers: speakers
        .filter((s) => s.agendaItemId === item.id)
        .map((s) =>
          speakerNames({
            name: s.name,
            nameLatin: s.nameLatin,
            displayName: ownSpelling.get(s.contactId)?.displayName ?? null,
            passportName: ownSpelling.get(s.contactId)?.passportName ?? null,
          }),
        ),
    })),
  };
}

/** A slug not yet taken: the wanted one, or it with -2, -3 … */
async function freeSlug(executor: DbExecutor, wanted: string): Promise<string> {
  const taken = new Set(
    (
      await executor
        .select({ slug: summaries.slug })
        .from(summaries)
        .where(sql`${summaries.slug} = ${wanted} or ${summaries.slug} like ${`${wanted}-%`}`)
    ).map((r) => r.slug),
  );
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

export type DraftResult =
  { ok: true; summaryId: string } | { ok: false; reason: 'notFound' | 'notHeld' | 'exists'; summaryId?: string };

/** The first text of a held meeting's summary, from its records; version 1. */
export async function draftMeetingSummary(actor: StaffUser, meetingId: string): Promise<DraftResult> {
  assertRole(actor, 'editor');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .select({ status: meetings.status })
      .from(meetings)
      .where(eq(meetings.id, meetingId))
      .for('update');
    if (!meeting) return { ok: false, reason: 'notFound' };
    const [existing] = await tx.select({ id: summaries.id }).from(summaries).where(eq(summaries.meetingId, meetingId));
    if (existing) return { ok: false, reason: 'exists', summaryId: existing.id };
    if (meeting.status !== 'held') return { ok: false, reason: 'notHeld' };
    const facts = await loadSummaryFacts(tx, meetingId);
    if (!facts) return { ok: false, reason: 'notFound' };
    const draft = draftSummary(facts);
    const text = { ...draft, slug: await freeSlug(tx, draft.slug) };
    const [summary] = await tx
      .insert(summaries)
      .values({ meetingId, ...text })
      .returning({ id: summaries.id });
    await tx.insert(summaryVersions).values({
      summaryId: summary!.id,
      number: 1,
      text,
      savedById: actor.id,
      savedByEmail: actor.email,
      note: 'Drafted from the meeting’s records',
    });
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'summary.drafted',
      entityType: 'meeting',
      entityId: meetingId,
      after: { slug: text.slug },
    });
    return { ok: true, summaryId: summary!.id };
  });
}
