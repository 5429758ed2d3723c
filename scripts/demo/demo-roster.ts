import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { councilMembers, workingGroupMembers } from '@/db/schema';
import type { RosterRole } from '@/lib/domain';
import { demoAttendance } from './demo-attendance';

// The demo council's roster: experts nominated by the five Central Asian States (two each, among those who came to
// the first meeting) and by partner organisations (UNODC, OSCE, UNOCT), 13 in all, with three-year terms from the
// first meeting, and the council's working group. Fixed ids, so seeding twice changes nothing.

const memberId = (n: number) => `0b7a7c1e-5d1f-4c43-9a51-${String(6000 + n).padStart(12, '0')}`;
/** Organisations of the base seed (seed.ts). */
const seeded = (n: number) => `0b7a7c1e-5d1f-4c43-9a51-${String(200 + n).padStart(12, '0')}`;
const STATES = ['KZ', 'KG', 'TJ', 'TM', 'UZ'] as const;
const PARTNERS = [
  { organisationId: seeded(9), role: 'observer' }, // UNODC
  { organisationId: seeded(7), role: 'observer' }, // OSCE
  { organisationId: seeded(2), role: 'member' }, // UNOCT
] as const;

export const DEMO_ROSTER_SIZE = STATES.length * 2 + PARTNERS.length;

export function demoRoster(workingGroupId: string) {
  const people = demoAttendance(new Map());
  const terms: {
    id: string;
    contactId: string;
    role: RosterRole;
    nominatedByCountry: string | null;
    nominatedByOrganisationId: string | null;
    termFrom: string;
    termTo: string | null;
    workingGroupId: string | null;
  }[] = [];
  for (const country of STATES) {
    // Government officials of that State: the first two of its delegation.
    const delegation = people.filter((p) => p.country === country && p.language === 'ru').slice(0, 2);
    delegation.forEach((person, i) => {
      terms.push({
        id: memberId(terms.length),
        contactId: person.contactId,
        role: country === 'UZ' && i === 0 ? 'chair' : i === 0 ? 'focal_point' : 'national_expert',
        nominatedByCountry: country,
        nominatedByOrganisationId: null,
        termFrom: '2024-05-14',
        termTo: '2027-05-13',
        workingGroupId: i === 1 ? workingGroupId : null,
      });
    });
  }
  for (const partner of PARTNERS) {
    const person = people.find((p) => p.organisationId === partner.organisationId)!;
    terms.push({
      id: memberId(terms.length),
      contactId: person.contactId,
      role: partner.role,
      nominatedByCountry: null,
      nominatedByOrganisationId: partner.organisationId,
      termFrom: '2025-01-01',
      termTo: '2026-12-31',
      workingGroupId: partner.organisationId === seeded(9) ? workingGroupId : null,
    });
  }
  return terms;
}

/** The roster's terms and working-group places, in the caller's transaction (after the attendance's contacts). */
export async function seedDemoRoster(
  tx: PgDatabase<PgQueryResultHKT, Record<string, unknown>>,
  councilId: string,
  workingGroupId: string,
) {
  const terms = demoRoster(workingGroupId);
  await tx
    .insert(councilMembers)
    .values(terms.map(({ workingGroupId, ...term }) => (void workingGroupId, { ...term, councilId })))
    .onConflictDoNothing();
  await tx
    .insert(workingGroupMembers)
    .values(terms.flatMap((t) => (t.workingGroupId ? [{ workingGroupId: t.workingGroupId, memberId: t.id }] : [])))
    .onConflictDoNothing();
}
