import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AuthorizationError } from '@/lib/auth/roles';
import { createContact, createMeeting, uniqueStamp } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { getDb } from './client';
import {
  decideNomination,
  decideSubstitutionAsStaff,
  decideSubstitutionByLink,
  getDelegationForNote,
  inviteDelegation,
  listDelegations,
  nominateMember,
  openDelegationLink,
  reissueDelegationLink,
  replaceMember,
  revokeDelegationLink,
  setDelegationQuota,
  setNominationApproval,
  type Nominee,
} from './delegations';
import { invitationLinkGate, FAILED_LINK_LIMIT } from './invitation-gate';
import { invitationLink } from './invitation-mail';
import { answerInvitation, inviteContacts } from './invitations';
import { delegationMembers, delegations, invitations, outboxMessages, substitutionProposals } from './schema';

const tokenOf = (link: string) => link.split(/\/[di]\//)[1]!;

async function setUp({ quota = 2, approve = false } = {}) {
  const stamp = uniqueStamp();
  const editor = await createStaff('editor');
  const meeting = await createMeeting({
    kind: 'working_group',
    status: 'planned',
    registrationDeadline: new Date('2030-05-01T00:00:00Z'),
    approveNominations: approve,
  });
  const focal = await createContact({ name: 'Айгерим Садыкова', email: `focal.${stamp}@mfa.example`, language: 'ru' });
  const invited = await inviteDelegation(editor, meeting.id, {
    kind: 'state',
    countryCode: 'KZ',
    organisationId: null,
    focalPointContactId: focal.id,
    quota,
    nominationDeadline: new Date('2030-04-20T00:00:00Z'),
    addresseeEn: 'Ministry of Foreign Affairs of the Republic of Kazakhstan',
    addresseeRu: 'Министерству иностранных дел Республики Казахстан',
  });
  if (!invited.ok) throw new Error(invited.reason);
  const db = await getDb();
  const [mail] = await db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.toAddress, focal.email), eq(outboxMessages.kind, 'delegation.invitation')));
  const token = tokenOf(mail!.secretLinks[0]!);
  return { stamp, editor, meeting, focal, delegationId: invited.id, token, mail: mail! };
}

const nominee = (stamp: string, n: string, over: Partial<Nominee> = {}): Nominee => ({
  title: 'Mr.',
  passportName: `Nominee ${n}`,
  displayName: `Номинант ${n}`,
  position: 'Counsellor',
  email: `nominee.${n}.${stamp}@mfa.example`,
  language: 'ru',
  head: false,
  ...over,
});

describe(`delegations (${process.env.TEST_DATABASE_KIND})`, () => {
  it('mails the focal point a Russian link that is derived, not stored, and that opening changes nothing', async () => {
    const { token, mail, delegationId } = await setUp();
    expect(mail.subject).toContain('Делегация');
    expect(mail.textBody).toContain('Министерству иностранных дел Республики Казахстан');
    expect(mail.secretLinks[0]).toMatch(/\/ru\/d\/[A-Za-z0-9_-]{48}$/);
    const db = await getDb();
    const before = await db.select().from(delegations).where(eq(delegations.id, delegationId));
    expect(JSON.stringify(before)).not.toContain(token);
    for (let i = 0; i < 3; i++) expect((await openDelegationLink(token)).ok).toBe(true);
    expect(await db.select().from(delegations).where(eq(delegations.id, delegationId))).toEqual(before);
    expect(await getDelegationForNote(db, delegationId)).toMatchObject({
      addresseeRu: 'Министерству иностранных дел Республики Казахстан',
      language: 'ru',
      quota: 2,
      countryCode: 'KZ',
      organisationName: null,
    });
  });

  it('refuses a revoked link, and the old link once a new one is issued; only editors change links', async () => {
    const { token, editor, delegationId, focal } = await setUp();
    const viewer = await createStaff('viewer');
    await expect(revokeDelegationLink(viewer, delegationId)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await revokeDelegationLink(editor, delegationId)).toEqual({ ok: true });
    expect(await openDelegationLink(token)).toEqual({ ok: false, reason: 'revoked' });
    expect(await nominateMember(token, nominee('x', '1'))).toEqual({ ok: false, reason: 'invalid' });
    expect(await reissueDelegationLink(editor, delegationId)).toEqual({ ok: true });
    expect(await openDelegationLink(token)).toEqual({ ok: false, reason: 'superseded' });
    const db = await getDb();
    const mails = await db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.toAddress, focal.email), eq(outboxMessages.kind, 'delegation.invitation')));
    const fresh = mails.map((m) => tokenOf(m.secretLinks[0]!)).find((t) => t !== token)!;
    expect((await openDelegationLink(fresh)).ok).toBe(true);
    expect(await openDelegationLink('x'.repeat(48))).toEqual({ ok: false, reason: 'unknown' });
  });

  it('counts unsigned delegation links against the client, never signed ones', async () => {
    const { token } = await setUp();
    const client = `client-${uniqueStamp()}`;
    for (let i = 0; i < FAILED_LINK_LIMIT.limit + 5; i++)
      expect(await invitationLinkGate(token, client)).toEqual({ limited: false });
    for (let i = 0; i < FAILED_LINK_LIMIT.limit; i++) await invitationLinkGate('y'.repeat(48), client);
    expect((await invitationLinkGate('y'.repeat(48), client)).limited).toBe(true);
  });

  it('nominates up to the quota, each nominee invited on their own; replaces one, who is told', async () => {
    const { token, stamp, meeting, editor, delegationId } = await setUp({ quota: 2 });
    const a = await nominateMember(token, nominee(stamp, 'a', { head: true }));
    const b = await nominateMember(token, nominee(stamp, 'b'));
    expect(a.ok && b.ok).toBe(true);
    expect(await nominateMember(token, nominee(stamp, 'c'))).toEqual({ ok: false, reason: 'quotaFull' });
    const db = await getDb();
    const invited = await db.select().from(invitations).where(eq(invitations.meetingId, meeting.id));
    expect(invited.map((i) => i.email).sort()).toEqual([nominee(stamp, 'a').email, nominee(stamp, 'b').email]);
    const first = invited.find((i) => i.email === nominee(stamp, 'a').email)!;
    expect((await openDelegationLink(token)).ok && (await openDelegationLink(token)).ok).toBe(true);

    const replaced = await replaceMember(token, a.ok ? a.memberId : '', nominee(stamp, 'c'));
    expect(replaced.ok).toBe(true);
    const [old] = await db.select().from(invitations).where(eq(invitations.id, first.id));
    expect(old!.status).toBe('revoked');
    const told = await db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.toAddress, first.email), eq(outboxMessages.kind, 'delegation.replaced')));
    expect(told).toHaveLength(1);
    // A nominee already invited cannot take a second place; the replaced place stays free of double counting.
    expect(await replaceMember(token, b.ok ? b.memberId : '', nominee(stamp, 'c'))).toEqual({
      ok: false,
      reason: 'alreadyInvited',
    });
    const opened = await openDelegationLink(token);
    expect(opened.ok && opened.opened.taken).toBe(2);
    expect(opened.ok && opened.opened.members.map((m) => m.state)).toEqual(['invited', 'invited', 'replaced']);
    // Staff raise the quota: a third nomination goes through; a quota below the places taken is refused.
    expect(await setDelegationQuota(editor, delegationId, 1)).toEqual({ ok: false, reason: 'belowTaken' });
    expect(await setDelegationQuota(editor, delegationId, 3)).toEqual({ ok: true });
    expect((await nominateMember(token, nominee(stamp, 'd'))).ok).toBe(true);
    expect((await listDelegations({ actor: editor, meetingId: meeting.id }))[0]).toMatchObject({
      name: 'Kazakhstan',
      quota: 3,
      taken: 3,
    });
  });

  it('treats another delegation’s link as a stranger: its members and proposals are out of reach', async () => {
    const one = await setUp();
    const other = await setUp();
    const a = await nominateMember(one.token, nominee(one.stamp, 'a'));
    if (!a.ok) throw new Error(a.reason);
    expect(await replaceMember(other.token, a.memberId, nominee(other.stamp, 'x'))).toEqual({
      ok: false,
      reason: 'notFound',
    });
    const db = await getDb();
    const [inv] = await db.select().from(invitations).where(eq(invitations.meetingId, one.meeting.id));
    await answerInvitation(tokenOf(invitationLink(inv!)), {
      accept: false,
      reason: null,
      substitute: { name: 'Sub', email: `sub.${one.stamp}@mfa.example`, position: '', language: 'en' },
    });
    const [proposal] = await db
      .select()
      .from(substitutionProposals)
      .where(eq(substitutionProposals.invitationId, inv!.id));
    expect(await decideSubstitutionByLink(other.token, proposal!.id, true)).toEqual({ ok: false, reason: 'notFound' });
    // The focal point of the delegation is told of the proposal, with their link.
    const told = await db
      .select()
      .from(outboxMessages)
      .where(
        and(eq(outboxMessages.toAddress, one.focal.email), eq(outboxMessages.kind, 'delegation.substitute_proposed')),
      );
    expect(told).toHaveLength(1);
    expect(told[0]!.secretLinks).toEqual([one.mail.secretLinks[0]]);
    expect(told[0]!.textBody).toContain('Номинант a');
  });

  it('refuses nominations after the deadline', async () => {
    const { token, stamp } = await setUp();
    expect(await nominateMember(token, nominee(stamp, 'late'), new Date('2030-04-21T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'closed',
    });
  });

  it('holds nominations for approval where the meeting asks for it', async () => {
    const { token, stamp, editor, meeting } = await setUp({ approve: true });
    const a = await nominateMember(token, nominee(stamp, 'a'));
    expect(a.ok).toBe(true);
    const db = await getDb();
    expect(await db.select().from(invitations).where(eq(invitations.meetingId, meeting.id))).toHaveLength(0);
    expect(await decideNomination(editor, a.ok ? a.memberId : '', true)).toEqual({ ok: true });
    expect(await decideNomination(editor, a.ok ? a.memberId : '', true)).toEqual({ ok: false, reason: 'decided' });
    expect(await db.select().from(invitations).where(eq(invitations.meetingId, meeting.id))).toHaveLength(1);
    expect(await setNominationApproval(editor, meeting.id, false)).toEqual({ ok: true });
    expect((await nominateMember(token, nominee(stamp, 'b'))).ok).toBe(true);
    expect(await db.select().from(invitations).where(eq(invitations.meetingId, meeting.id))).toHaveLength(2);
  });

  it('sends a declining member’s substitute to the focal point, who places them in the same place', async () => {
    const { token, stamp, meeting } = await setUp({ quota: 1 });
    const a = await nominateMember(token, nominee(stamp, 'a'));
    const db = await getDb();
    const [inv] = await db.select().from(invitations).where(eq(invitations.meetingId, meeting.id));
    const substitute = {
      name: 'Dana Bekova',
      email: `dana.${stamp}@mfa.example`,
      position: 'Attaché',
      language: 'en' as const,
    };
    expect(await answerInvitation(tokenOf(invitationLink(inv!)), { accept: false, reason: null, substitute })).toEqual({
      ok: true,
    });
    const opened = await openDelegationLink(token);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.opened.proposals).toMatchObject([{ name: 'Dana Bekova', email: substitute.email }]);
    const proposalId = opened.opened.proposals[0]!.id;
    // Not staff's to decide: it belongs to the delegation.
    const editor = await createStaff('editor');
    expect(await decideSubstitutionAsStaff(editor, meeting.id, proposalId, true)).toEqual({
      ok: false,
      reason: 'notFound',
    });
    expect(await decideSubstitutionByLink(token, proposalId, true)).toEqual({ ok: true });
    expect(await decideSubstitutionByLink(token, proposalId, true)).toEqual({ ok: false, reason: 'decided' });
    const [sub] = await db.select().from(invitations).where(eq(invitations.email, substitute.email));
    expect(sub!.substituteForInvitationId).toBe(inv!.id);
    const after = await openDelegationLink(token);
    expect(after.ok && after.opened.taken).toBe(1);
    expect(after.ok && after.opened.members.find((m) => m.email === substitute.email)?.substituteFor).toBe(
      'Номинант a',
    );
    expect(a.ok).toBe(true);
  });

  it('sends the substitute of an invitee outside any delegation to staff, in the same role', async () => {
    const stamp = uniqueStamp();
    const editor = await createStaff('editor');
    const meeting = await createMeeting({ status: 'planned' });
    const person = await createContact({ name: 'Ali Valiev', email: `ali.${stamp}@example.org` });
    await inviteContacts(editor, meeting.id, {
      selection: { by: 'contacts', contactId: [person.id] },
      role: 'speaker',
      confirmedCount: 1,
    });
    const db = await getDb();
    const [inv] = await db.select().from(invitations).where(eq(invitations.meetingId, meeting.id));
    const email = `sub.${stamp}@example.org`;
    await answerInvitation(tokenOf(invitationLink(inv!)), {
      accept: false,
      reason: 'Travel',
      substitute: { name: 'Sub Person', email, position: '', language: 'en' },
    });
    const [proposal] = await db
      .select()
      .from(substitutionProposals)
      .where(eq(substitutionProposals.invitationId, inv!.id));
    expect(proposal!.delegationId).toBeNull();
    const viewer = await createStaff('viewer');
    await expect(decideSubstitutionAsStaff(viewer, meeting.id, proposal!.id, true)).rejects.toBeInstanceOf(
      AuthorizationError,
    );
    expect(await decideSubstitutionAsStaff(editor, meeting.id, proposal!.id, true)).toEqual({ ok: true });
    const [sub] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(sub).toMatchObject({ role: 'speaker', substituteForInvitationId: inv!.id });
  });
});

describe.runIf(process.env.TEST_DATABASE_KIND === 'postgres')('delegation quota under concurrency', () => {
  it('accepts exactly 3 of 20 simultaneous nominations for a quota of 3, 20 times', async () => {
    const db = await getDb();
    for (let round = 0; round < 20; round++) {
      const { token, stamp, delegationId } = await setUp({ quota: 3 });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => nominateMember(token, nominee(stamp, `${round}-${i}`))),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(3);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'quotaFull')).toBe(true);
      const members = await db
        .select()
        .from(delegationMembers)
        .where(and(eq(delegationMembers.delegationId, delegationId), inArray(delegationMembers.status, ['invited'])));
      expect(members).toHaveLength(3);
    }
  }, 120_000);
});
