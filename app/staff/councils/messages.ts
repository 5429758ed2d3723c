import type { RosterChangeResult } from '@/db/councils';
import { MAX_BULK_MEMBERS, type BulkRosterResult } from '@/db/roster-bulk';
import type { FormState } from '@/lib/form-state';

// What the data layer's refusals for councils and their rosters say on the staff pages: one place to read and reword
// them. A refusal about one field is shown beside that field too.

const MESSAGES: Record<Exclude<RosterChangeResult, { ok: true }>['reason'], [string, string?]> = {
  notFound: ['That council or member no longer exists.'],
  contactNotFound: ['That contact no longer exists.', 'contactId'],
  organisationNotFound: ['That organisation no longer exists.', 'nominatedByOrganisationId'],
  alreadyMember: ['This person already has a term on the council in those dates.', 'contactId'],
  badGroup: ['Choose working groups of this council.', 'workingGroupIds'],
  badDate: ['That date does not fit the term.', 'termTo'],
};

export function rosterRefusal(result: Exclude<RosterChangeResult, { ok: true }>): FormState {
  const [message, field] = MESSAGES[result.reason];
  const text = result.message ?? message;
  return { status: 'error', message: text, ...(field ? { fieldErrors: { [field]: [text] } } : {}) };
}

const BULK_MESSAGES: Record<Exclude<BulkRosterResult, { ok: true }>['reason'], [string, string?]> = {
  notFound: ['That council no longer exists.', 'councilId'],
  organisationNotFound: ['That organisation no longer exists.', 'organisationId'],
  nominatorNotFound: ['That organisation no longer exists.', 'nominatedByOrganisationId'],
  badGroup: ['Choose a working group of this council.', 'workingGroupId'],
  nobodySelected: ['Nobody matches: there is no one to add.', 'contactIds'],
  tooMany: [`That is more than ${MAX_BULK_MEMBERS.toLocaleString('en')} people. Narrow the filters first.`],
};

export function bulkRosterRefusal(result: Exclude<BulkRosterResult, { ok: true }>): FormState {
  const [message, field] = BULK_MESSAGES[result.reason];
  return { status: 'error', message, ...(field ? { fieldErrors: { [field]: [message] } } : {}) };
}
