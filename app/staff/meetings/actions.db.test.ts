import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, meetingOrganisations, meetings } from '@/db/schema';
import { DEMO_COUNCIL_ID, DEMO_PLENARY_ID, demoOrganisations, seedDemoData } from '@/db/seed';
import { actAs, expectRefusedBelow, form, idle } from '@/db/test-session';
import {
  changeMeetingStatusAction,
  createMeetingAction,
  duplicateMeetingAction,
  linkOrganisationAction,
  moveOrganisationAction,
  unlinkOrganisationAction,
  updateMeetingAction,
} from './actions';

vi.mock('@/lib/auth', () => import('@/db/test-session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const briefing = {
  councilId: DEMO_COUNCIL_ID,
  kind: 'briefing',
  titleEn: 'Briefing for Member States',
  titleRu: 'Брифинг для государств-членов',
  timeZone: 'America/New_York',
  startDate: '2024-12-10',
  startTime: '15:00',
  endDate: '2024-12-10',
  endTime: '16:30',
  format: 'in_person',
  cityEn: 'New York',
  cityRu: 'Нью-Йорк',
  country: 'US',
  venueEn: 'United Nations Headquarters',
};
const allMeetings = async () => (await getDb()).select().from(meetings).orderBy(meetings.id);
const redirectTarget = async (run: Promise<unknown>) => {
  const error = await run.then(() => null, (e: unknown) => e as { digest?: string });
  return error?.digest?.split(';')[2] ?? null;
};

beforeAll(async () => {
  await seedDemoData(await getDb());
});

describe('createMeetingAction', () => {
  it('refuses anyone below editor and changes nothing', async () => {
    await expectRefusedBelow('editor', () => createMeetingAction(idle, form(briefing)), allMeetings);
  });

  it('answers bad input field by field', async () => {
    await actAs('editor');
    const before = await allMeetings();
    const state = await createMeetingAction(
      idle,
      form({ ...briefing, titleEn: ' ', timeZone: 'Mars/Base', endDate: '2024-12-09', format: 'online', capacity: '0', country: 'XX' }),
    );
    expect(state).toMatchObject({
      status: 'error',
      fieldErrors: {
        titleEn: ['Enter the title in English.'],
        timeZone: ['Choose the venue’s time zone.'],
        capacity: [expect.stringMatching(/at least one seat/)],
        country: ['Choose a country from the list.'],
      },
    });
    expect(await allMeetings()).toEqual(before);
    // With a valid zone, the cross-field rules speak.
    const second = await createMeetingAction(idle, form({ ...briefing, endDate: '2024-12-09', format: 'online', deadlineDate: '2024-12-11', deadlineTime: '10:00' }));
    expect(second).toMatchObject({
      fieldErrors: { endTime: ['The meeting must end after it starts.'], meetingLink: ['An online meeting needs its meeting link.'] },
    });
    expect(await createMeetingAction(idle, form({ ...briefing, workingGroupId: randomUUID() }))).toMatchObject({
      fieldErrors: { workingGroupId: ['Choose a working group of the meeting’s council.'] },
    });
    const gap = await createMeetingAction(idle, form({ ...briefing, startDate: '2024-03-10', startTime: '02:30', endDate: '2024-03-10' }));
    expect(gap).toMatchObject({ fieldErrors: { startTime: [expect.stringMatching(/does not exist at the venue/)] } });
  });

  it('stores venue wall-clock times as instants, as a draft, and audits it', async () => {
    const editor = await actAs('editor');
    const target = await redirectTarget(createMeetingAction(idle, form(briefing)));
    const id = target!.split('/').pop()!;
    const [created] = await (await getDb()).select().from(meetings).where(eq(meetings.id, id));
    expect(created).toMatchObject({
      status: 'draft',
      startsAt: new Date('2024-12-10T20:00:00Z'),
      endsAt: new Date('2024-12-10T21:30:00Z'),
      timeZone: 'America/New_York',
      meetingLink: null,
    });
    const [audit] = await (await getDb()).select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toMatchObject({ action: 'meeting.created', actorId: editor!.id });
  });
});

describe('updateMeetingAction', () => {
  it('refuses anyone below editor, bad input and unknown meetings', async () => {
    await expectRefusedBelow('editor', () => updateMeetingAction(DEMO_PLENARY_ID, idle, form(briefing)), allMeetings);
    await actAs('editor');
    const before = await allMeetings();
    expect(await updateMeetingAction(DEMO_PLENARY_ID, idle, form({ ...briefing, kind: 'gala' }))).toMatchObject({
      fieldErrors: { kind: ['Choose the kind of meeting.'] },
    });
    expect(await updateMeetingAction(randomUUID(), idle, form(briefing))).toMatchObject({ message: 'That meeting no longer exists.' });
    expect(await updateMeetingAction(DEMO_PLENARY_ID, idle, form({ ...briefing, councilId: randomUUID() }))).toMatchObject({
      fieldErrors: { councilId: ['That council no longer exists.'] },
    });
    expect(await allMeetings()).toEqual(before);
  });
});

describe('changeMeetingStatusAction', () => {
  it('refuses anyone below editor, unknown statuses and disallowed steps', async () => {
    await expectRefusedBelow('editor', () => changeMeetingStatusAction(DEMO_PLENARY_ID, idle, form({ to: 'cancelled' })), allMeetings);
    await actAs('editor');
    expect(await changeMeetingStatusAction(DEMO_PLENARY_ID, idle, form({ to: 'finished' }))).toMatchObject({ fieldErrors: { to: ['Choose a status.'] } });
    expect(await changeMeetingStatusAction(DEMO_PLENARY_ID, idle, form({ to: 'draft' }))).toMatchObject({
      status: 'error',
      message: 'A meeting cannot go from “held” to “draft”.',
    });
  });

  it('walks the workflow, holding only after the end, each step audited', async () => {
    await actAs('editor');
    const target = await redirectTarget(
      createMeetingAction(idle, form({ ...briefing, startDate: '2099-01-10', endDate: '2099-01-10' })),
    );
    const id = target!.split('/').pop()!;
    for (const to of ['planned', 'invitations_open', 'registration_closed']) {
      expect(await changeMeetingStatusAction(id, idle, form({ to }))).toMatchObject({ status: 'success' });
    }
    expect(await changeMeetingStatusAction(id, idle, form({ to: 'held' }))).toMatchObject({
      message: 'A meeting can be marked held only after it has ended.',
    });
    const steps = await (await getDb()).select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'meeting.status_changed')));
    expect(steps.map((s) => (s.after as { status: string }).status).sort()).toEqual(['invitations_open', 'planned', 'registration_closed']);
  });
});

describe('duplicateMeetingAction', () => {
  const next = { titleEn: 'Second meeting', titleRu: 'Второе заседание', timeZone: 'Asia/Tashkent', startDate: '2027-05-14', startTime: '10:00', endDate: '2027-05-14', endTime: '17:00' };

  it('refuses anyone below editor and bad input', async () => {
    await expectRefusedBelow('editor', () => duplicateMeetingAction(DEMO_PLENARY_ID, idle, form(next)), allMeetings);
    await actAs('editor');
    const before = await allMeetings();
    expect(await duplicateMeetingAction(DEMO_PLENARY_ID, idle, form({ ...next, titleRu: '' }))).toMatchObject({
      fieldErrors: { titleRu: ['Enter the title in Russian.'] },
    });
    expect(await duplicateMeetingAction(DEMO_PLENARY_ID, idle, form({ ...next, endTime: '09:00' }))).toMatchObject({
      fieldErrors: { endTime: ['The meeting must end after it starts.'] },
    });
    expect(await duplicateMeetingAction('not-an-id', idle, form(next))).toMatchObject({ status: 'error' });
    expect(await allMeetings()).toEqual(before);
  });

  it('makes a draft on the new dates with the same organisers in the same order', async () => {
    await actAs('editor');
    const target = await redirectTarget(duplicateMeetingAction(DEMO_PLENARY_ID, idle, form(next)));
    const id = target!.split('/').pop()!.split('?')[0]!;
    const db = await getDb();
    const [copy] = await db.select().from(meetings).where(eq(meetings.id, id));
    expect(copy).toMatchObject({ status: 'draft', titleEn: 'Second meeting', cityEn: 'Tashkent', startsAt: new Date('2027-05-14T05:00:00Z') });
    const links = await db.select().from(meetingOrganisations).where(eq(meetingOrganisations.meetingId, id)).orderBy(meetingOrganisations.position);
    expect(links.map((l) => l.organisationId)).toEqual(demoOrganisations.map((o) => o.id));
  });
});

describe('organiser actions', () => {
  const [unrcca, unoct] = demoOrganisations;
  const plenaryLinks = async () =>
    (await getDb()).select().from(meetingOrganisations).where(eq(meetingOrganisations.meetingId, DEMO_PLENARY_ID)).orderBy(meetingOrganisations.position);

  it('refuse anyone below editor and change nothing', async () => {
    await expectRefusedBelow('editor', () => linkOrganisationAction(DEMO_PLENARY_ID, idle, form({ organisationId: unoct!.id, role: 'partner' })), plenaryLinks);
    await expectRefusedBelow('editor', () => moveOrganisationAction(DEMO_PLENARY_ID, unoct!.id, idle, form({ direction: 'up' })), plenaryLinks);
    await expectRefusedBelow('editor', () => unlinkOrganisationAction(DEMO_PLENARY_ID, unoct!.id, idle, form()), plenaryLinks);
  });

  it('refuse bad input', async () => {
    await actAs('editor');
    const before = await plenaryLinks();
    expect(await linkOrganisationAction(DEMO_PLENARY_ID, idle, form({ organisationId: 'x', role: 'sponsor' }))).toMatchObject({
      fieldErrors: { organisationId: ['Choose an organisation.'], role: ['Choose a role.'] },
    });
    expect(await moveOrganisationAction(DEMO_PLENARY_ID, unoct!.id, idle, form({ direction: 'sideways' }))).toMatchObject({ status: 'error' });
    expect(await unlinkOrganisationAction(DEMO_PLENARY_ID, randomUUID(), idle, form())).toMatchObject({ status: 'error' });
    expect(await plenaryLinks()).toEqual(before);
  });

  it('reorder, change a role, unlink and link again at the end', async () => {
    await actAs('editor');
    expect(await moveOrganisationAction(DEMO_PLENARY_ID, unoct!.id, idle, form({ direction: 'up' }))).toMatchObject({ status: 'success' });
    expect((await plenaryLinks()).slice(0, 2).map((l) => l.organisationId)).toEqual([unoct!.id, unrcca!.id]);
    await linkOrganisationAction(DEMO_PLENARY_ID, idle, form({ organisationId: unoct!.id, role: 'partner' }));
    expect((await plenaryLinks())[0]).toMatchObject({ organisationId: unoct!.id, role: 'partner', position: 0 });
    await unlinkOrganisationAction(DEMO_PLENARY_ID, unoct!.id, idle, form());
    const after = await plenaryLinks();
    expect(after.map((l) => l.position)).toEqual(after.map((_, i) => i));
    await linkOrganisationAction(DEMO_PLENARY_ID, idle, form({ organisationId: unoct!.id, role: 'co_organiser' }));
    expect((await plenaryLinks()).at(-1)).toMatchObject({ organisationId: unoct!.id, role: 'co_organiser' });
  });
});
