// The app's fixed vocabularies, shared by the database schema (as PostgreSQL enums), server code and UI.

export const MEETING_KINDS = ['plenary', 'working_group', 'briefing', 'side_event'] as const;
export const MEETING_FORMATS = ['in_person', 'hybrid', 'online'] as const;
export const MEETING_STATUSES = [
  'draft',
  'planned',
  'invitations_open',
  'registration_closed',
  'held',
  'summary_published',
  'cancelled',
] as const;
export const ORGANISATION_TYPES = [
  'un_entity',
  'government',
  'regional_organisation',
  'international_organisation',
  'civil_society',
  'academic',
  'diplomatic_mission',
  'media',
  'other',
] as const;
export const ORGANISATION_ROLES = ['organiser', 'co_organiser', 'partner', 'participating'] as const;
export const STAFF_ROLES = ['viewer', 'editor', 'admin'] as const;
export const ROSTER_ROLES = ['national_expert', 'focal_point', 'chair', 'member', 'observer'] as const;
export const CONTACT_LANGUAGES = ['en', 'ru'] as const;
export const AGENDA_ITEM_KINDS = [
  'opening',
  'statement',
  'panel',
  'working_session',
  'break',
  'side_meeting',
  'briefing',
] as const;
export const AGENDA_PERSON_ROLES = ['speaker', 'moderator', 'participant'] as const;
export const INVITATION_ROLES = ['delegate', 'speaker', 'observer', 'media'] as const;
// The invitee's side of an invitation; whether the email reached them is the outbox's delivery status.
export const INVITATION_STATUSES = ['invited', 'accepted', 'declined', 'revoked'] as const;
/**
 * registered: holds a seat. waitlisted: asked for one while the meeting was full. offered: first on the list when a
 * seat freed up, holding it until the offer expires. lapsed: the offer expired unanswered. cancelled: by the delegate
 * (or with the invitation's revocation).
 */
export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'offered', 'lapsed', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  registered: 'Registered',
  waitlisted: 'Waitlisted',
  offered: 'Seat offered',
  lapsed: 'Offer lapsed',
  cancelled: 'Cancelled',
};
/** How a registrant of a hybrid meeting takes part (asked of each; not asked for other formats). */
export const ATTENDANCE_MODES = ['in_person', 'online'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];
export const ATTENDANCE_MODE_LABELS: Record<AttendanceMode, string> = { in_person: 'In person', online: 'Online' };
/** draft: staff edit it. in_review: submitted, waiting for a second editor. published: on the public site. */
export const SUMMARY_STATUSES = ['draft', 'in_review', 'published'] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];
export const SUMMARY_STATUS_LABELS: Record<SummaryStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
};
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'captured'] as const;

export type MeetingKind = (typeof MEETING_KINDS)[number];
export type MeetingFormat = (typeof MEETING_FORMATS)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export type RosterRole = (typeof ROSTER_ROLES)[number];
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];

// Staff pages are English only; delegates' and public pages take these names from messages/*.json.
export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  un_entity: 'UN entity',
  government: 'Government institution',
  regional_organisation: 'Regional organisation',
  international_organisation: 'International organisation',
  civil_society: 'Civil society',
  academic: 'Academic / think tank',
  diplomatic_mission: 'Diplomatic mission',
  media: 'Media',
  other: 'Other',
};

export const ROSTER_ROLE_LABELS: Record<RosterRole, string> = {
  national_expert: 'National expert',
  focal_point: 'Focal point',
  chair: 'Chair',
  member: 'Member',
  observer: 'Observer',
};
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export type AgendaPersonRole = (typeof AGENDA_PERSON_ROLES)[number];

export const AGENDA_KIND_LABELS: Record<AgendaItemKind, string> = {
  opening: 'Opening',
  statement: 'Statement',
  panel: 'Panel',
  working_session: 'Working session',
  break: 'Break',
  side_meeting: 'Side meeting',
  briefing: 'Briefing',
};

export const AGENDA_PERSON_ROLE_LABELS: Record<AgendaPersonRole, string> = {
  speaker: 'Speaker',
  moderator: 'Moderator',
  participant: 'Participant',
};

export type InvitationRole = (typeof INVITATION_ROLES)[number];
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_ROLE_LABELS: Record<InvitationRole, string> = {
  delegate: 'Delegate',
  speaker: 'Speaker',
  observer: 'Observer',
  media: 'Media',
};

// ── Delegations (a state or an organisation nominating its members through a focal point) ───────────────────────
export const DELEGATION_KINDS = ['state', 'organisation'] as const;
export type DelegationKind = (typeof DELEGATION_KINDS)[number];
/**
 * pending: nominated, waiting for staff's approval (where the meeting asks for it). invited: their invitation went
 * out. replaced: the focal point put someone else in the place. rejected: staff refused the nomination.
 */
export const DELEGATION_MEMBER_STATUSES = ['pending', 'invited', 'replaced', 'rejected'] as const;
export type DelegationMemberStatus = (typeof DELEGATION_MEMBER_STATUSES)[number];
/** The statuses that hold a place of the quota. */
export const QUOTA_HOLDING: readonly DelegationMemberStatus[] = ['pending', 'invited'];
export const SUBSTITUTION_STATUSES = ['proposed', 'accepted', 'refused'] as const;
export type SubstitutionStatus = (typeof SUBSTITUTION_STATUSES)[number];

// ── The meeting day ──────────────────────────────────────────────────────────────────────────────────────────────
/**
 * A statistical question asked at registration, optional: only ever counted in aggregate, never shown per person,
 * never taken from the grammatical gender used for Russian greetings (lib/courtesy.ts) nor used for it.
 */
export const GENDERS = ['female', 'male', 'other', 'prefer_not_to_say'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  prefer_not_to_say: 'Not stated',
};
