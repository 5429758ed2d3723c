import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { agendaItemPeople, agendaItems, auditLog, meetingOrganisations, meetings } from '@/db/schema';
import { DEMO_COUNCIL_ID, DEMO_PLENARY_ID, demoOrganisations, seedDemoData } from '@/scripts/demo/seed';
import { createContact } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import {
  addAgendaItemAction,
  changeMeetingStatusAction,
  createMeetingAction,
  duplicateMeetingAction,
  linkOrganisationAction,
  moveAgendaItemAction,
  moveOrganisationAction,
  removeAgendaItemAction,
  setAgendaPublishedAction,
  unlinkOrganisationAction,
  updateAgendaItemAction,
  updateMeetingAction,
} from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
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
  // December 2024 is past: the form asks for this, as a checkbox, before it saves such a meeting.
  confirmPast: 'on',
};
const allMeetings = async () => (await getDb()).select().from(meetings).orderBy(meetings.id);
const redirectTarget = async (run: Promise<unknown>) => {
  const error = await run.then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );
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
      form({
        ...briefing,
        titleEn: ' ',
        timeZone: 'Mars/Base',
        endDate: '2024-12-09',
        format: 'online',
        capacity: '0',
        country: 'XX',
        waitlistOfferHours: '400',
      }),
    );
    expect(state).toMatchObject({
      status: 'error',
      fieldErrors: {
        titleEn: ['Enter the title in English.'],
        timeZone: ['Choose the venue’s time zone.'],
        capacity: [expect.stringMatching(/at least one seat/)],
        waitlistOfferHours: ['Offer a seat for two weeks (336 hours) at most.'],
        country: ['Choose a country from the list.'],
      },
    });
    expect(await allMeetings()).toEqual(before);
    // With a valid zone, the cross-field rules speak.
    const second = await createMeetingAction(
      idle,
      form({ ...briefing, endDate: '2024-12-09', format: 'online', deadlineDate: '2024-12-11', deadlineTime: '10:00' }),
    );
    expect(second).toMatchObject({
      fieldErrors: {
        endTime: ['The meeting must end after it starts.'],
        meetingLink: ['An online meeting needs its meeting link.'],
      },
    });
    expect(await createMeetingAction(idle, form({ ...briefing, format: 'hybrid', meetingLink: ' ' }))).toMatchObject({
      fieldErrors: { meetingLink: ['A hybrid meeting needs its meeting link.'] },
    });
    expect(await createMeetingAction(idle, form({ ...briefing, confirmPast: '' }))).toMatchObject({
      fieldErrors: { confirmPast: ['This meeting starts in the past: tick “Yes, it is in the past” to save it.'] },
      values: { startDate: '2024-12-10' },
    });
    expect(await createMeetingAction(idle, form({ ...briefing, workingGroupId: randomUUID() }))).toMatchObject({
      fieldErrors: { workingGroupId: ['Choose a working group of the meeting’s council.'] },
    });
    const gap = await createMeetingAction(
      idle,
      form({ ...briefing, startDate: '2024-03-10', startTime: '02:30', endDate: '2024-03-10' }),
    );
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
    expect(await updateMeetingAction(randomUUID(), idle, form(briefing))).toMatchObject({
      message: 'That meeting no longer exists.',
    });
    // A past start left as it was saved needs no confirmation.
    const unchangedStart = { ...briefing, confirmPast: '', savedStartsAt: '2024-12-10T20:00:00.000Z' };
    expect(await updateMeetingAction(randomUUID(), idle, form(unchangedStart))).toMatchObject({
      message: 'That meeting no longer exists.',
    });
    expect(
      await updateMeetingAction(DEMO_PLENARY_ID, idle, form({ ...briefing, councilId: randomUUID() })),
    ).toMatchObject({
      fieldErrors: { councilId: ['That council no longer exists.'] },
    });
    expect(await allMeetings()).toEqual(before);
  });
});

describe('changeMeetingStatusAction', () => {
  it('refuses anyone below editor, unknown statuses and disallowed steps', async () => {
    await expectRefusedBelow(
      'editor',
      () => changeMeetingStatusAction(DEMO_PLENARY_ID, idle, form({ to: 'cancelled' })),
      allMeetings,
    );
    await actAs('editor');
    expect(await changeMeetingStatusAction(DEMO_PLENARY_ID, idle, form({ to: 'finished' }))).toMatchObject({
      fieldErrors: { to: ['Choose a status.'] },
    });
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
    const steps = await (
      await getDb()
    )
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'meeting.status_changed')));
    expect(steps.map((s) => (s.after as { status: string }).status).sort()).toEqual([
      'invitations_open',
      'planned',
      'registration_closed',
    ]);
  });
});

describe('duplicateMeetingAction', () => {
  const next = {
    titleEn: 'Second meeting',
    titleRu: 'Второе заседание',
    timeZone: 'Asia/Tashkent',
    startDate: '2027-05-14',
    startTime: '10:00',
    endDate: '2027-05-14',
    endTime: '17:00',
  };

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
    // The plenary's own dates, left as the form offers them, are past: the copy asks first.
    const pastCopy = { ...next, startDate: '2024-05-14', endDate: '2024-05-14' };
    expect(await duplicateMeetingAction(DEMO_PLENARY_ID, idle, form(pastCopy))).toMatchObject({
      fieldErrors: { confirmPast: [expect.stringMatching(/starts in the past/)] },
    });
    expect(await allMeetings()).toEqual(before);
  });

  it('makes a draft on the new dates with the same organisers in the same order', async () => {
    await actAs('editor');
    const target = await redirectTarget(duplicateMeetingAction(DEMO_PLENARY_ID, idle, form(next)));
    const id = target!.split('/').pop()!.split('?')[0]!;
    const db = await getDb();
    const [copy] = await db.select().from(meetings).where(eq(meetings.id, id));
    expect(copy).toMatchObject({
      status: 'draft',
      titleEn: 'Second meeting',
      cityEn: 'Tashkent',
      startsAt: new Date('2027-05-14T05:00:00Z'),
    });
    const links = await db
      .select()
      .from(meetingOrganisations)
      .where(eq(meetingOrganisations.meetingId, id))
      .orderBy(meetingOrganisations.position);
    expect(links.map((l) => l.organisationId)).toEqual(demoOrganisations.map((o) => o.id));
  });
});

describe('organiser actions', () => {
  const [unrcca, unoct] = demoOrganisations;
  const plenaryLinks = async () =>
    (await getDb())
      .select()
      .from(meetingOrganisations)
      .where(eq(meetingOrganisations.meetingId, DEMO_PLENARY_ID))
      .orderBy(meetingOrganisations.position);

  it('refuse anyone below editor and change nothing', async () => {
    await expectRefusedBelow(
      'editor',
      () => linkOrganisationAction(DEMO_PLENARY_ID, idle, form({ organisationId: unoct!.id, role: 'partner' })),
      plenaryLinks,
    );
    await expectRefusedBelow(
      'editor',
      () => moveOrganisationAction(DEMO_PLENARY_ID, unoct!.id, idle, form({ direction: 'up' })),
      plenaryLinks,
    );
    await expectRefusedBelow(
      'editor',
      () => unlinkOrganisationAction(DEMO_PLENARY_ID, unoct!.id, idle, form()),
      plenaryLinks,
    );
  });

  it('refuse bad input', async () => {
    await actAs('editor');
    const before = await plenaryLinks();
    expect(
      await linkOrganisationAction(DEMO_PLENARY_ID, idle, form({ organisationId: 'x', role: 'sponsor' })),
    ).toMatchObject({
      fieldErrors: { organisationId: ['Choose an organisation.'], role: ['Choose a role.'] },
    });
    expect(
      await moveOrganisationAction(DEMO_PLENARY_ID, unoct!.id, idle, form({ direction: 'sideways' })),
    ).toMatchObject({ status: 'error' });
    expect(await unlinkOrganisationAction(DEMO_PLENARY_ID, randomUUID(), idle, form())).toMatchObject({
      status: 'error',
    });
    expect(await plenaryLinks()).toEqual(before);
  });

  it('reorder, change a role, unlink and link again at the end', async () => {
    await actAs('editor');
    expect(await moveOrganisationAction(DEMO_PLENARY_ID, unoct!.id, idle, form({ direction: 'up' }))).toMatchObject({
      status: 'success',
    });
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

describe('agenda actions', () => {
  const item = {
    kind: 'statement',
    date: '2024-05-14',
    startTime: '11:00',
    endTime: '11:20',
    titleEn: 'Statement by Kazakhstan',
    titleRu: 'Выступление Казахстана',
    room: 'Main hall',
  };
  const agendaOf = async (meetingId: string) =>
    (await getDb())
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(agendaItems.position);

  it('refuse anyone below editor and change nothing', async () => {
    const [first] = await agendaOf(DEMO_PLENARY_ID);
    const snapshot = async () => ({ items: await agendaOf(DEMO_PLENARY_ID), meetings: await allMeetings() });
    await expectRefusedBelow('editor', () => addAgendaItemAction(DEMO_PLENARY_ID, idle, form(item)), snapshot);
    await expectRefusedBelow(
      'editor',
      () => moveAgendaItemAction(first!.id, idle, form({ direction: 'down' })),
      snapshot,
    );
    await expectRefusedBelow('editor', () => removeAgendaItemAction(first!.id, idle, form()), snapshot);
    await expectRefusedBelow(
      'editor',
      () => setAgendaPublishedAction(DEMO_PLENARY_ID, idle, form({ published: 'false' })),
      snapshot,
    );
  });

  it('refuse bad input', async () => {
    await actAs('editor');
    const before = await agendaOf(DEMO_PLENARY_ID);
    expect(
      await addAgendaItemAction(
        DEMO_PLENARY_ID,
        idle,
        form({ ...item, kind: 'party', titleRu: '', speakers: 'someone' }),
      ),
    ).toMatchObject({
      fieldErrors: {
        kind: ['Choose the kind of item.'],
        titleRu: ['Enter the title in Russian.'],
        speakers: ['Choose people from the list.'],
      },
    });
    expect(await addAgendaItemAction(DEMO_PLENARY_ID, idle, form({ ...item, endTime: '10:59' }))).toMatchObject({
      fieldErrors: { endTime: ['The item must end after it starts.'] },
    });
    expect(await addAgendaItemAction(DEMO_PLENARY_ID, idle, form({ ...item, speakers: randomUUID() }))).toMatchObject({
      message: 'One of the people chosen is no longer in the contacts.',
    });
    expect(await addAgendaItemAction(randomUUID(), idle, form(item))).toMatchObject({
      message: 'That meeting no longer exists.',
    });
    expect(await setAgendaPublishedAction(DEMO_PLENARY_ID, idle, form({ published: 'maybe' }))).toMatchObject({
      status: 'error',
    });
    expect(await agendaOf(DEMO_PLENARY_ID)).toEqual(before);
  });

  it('refuse a description over 5,000 characters and room names with markup, in either language', async () => {
    const [first] = await agendaOf(DEMO_PLENARY_ID);
    const snapshot = async () => ({ items: await agendaOf(DEMO_PLENARY_ID) });
    await expectRefusedBelow('editor', () => updateAgendaItemAction(first!.id, idle, form(item)), snapshot);
    await actAs('editor');
    const before = await snapshot();
    expect(
      await updateAgendaItemAction(
        first!.id,
        idle,
        form({ ...item, descriptionRu: 'а'.repeat(5001), roomRu: '<b>Зал</b>', room: 'Hall <script>' }),
      ),
    ).toMatchObject({
      fieldErrors: {
        descriptionRu: ['At most 5,000 characters.'],
        roomRu: ['A room name cannot contain < or >.'],
        room: ['A room name cannot contain < or >.'],
      },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('save a Markdown description and the Russian room name, and drop the public meeting pages’ cached copies', async () => {
    await actAs('editor');
    const { revalidatePath } = await import('next/cache');
    vi.mocked(revalidatePath).mockClear();
    const [first] = await agendaOf(DEMO_PLENARY_ID);
    const description = 'First paragraph with **emphasis**.\n\nSecond paragraph:\n\n- one\n- two';
    expect(
      await updateAgendaItemAction(
        first!.id,
        idle,
        form({ ...item, descriptionEn: description, roomRu: '  Большой зал ' }),
      ),
    ).toMatchObject({ status: 'success' });
    const saved = (await agendaOf(DEMO_PLENARY_ID)).find((i) => i.id === first!.id)!;
    expect(saved).toMatchObject({ descriptionEn: description, room: 'Main hall', roomRu: 'Большой зал' });
    expect(vi.mocked(revalidatePath).mock.calls).toEqual(
      expect.arrayContaining([
        ['/meetings', 'layout'],
        ['/ru/meetings', 'layout'],
      ]),
    );
  });

  it('add an item in venue time with its speaker, reorder, remove, publish, and copy it with a duplicate', async () => {
    await actAs('editor');
    const db = await getDb();
    const speaker = await createContact({ name: 'Yerzhan Akhmetov' });
    const before = (await agendaOf(DEMO_PLENARY_ID)).length;
    expect(await addAgendaItemAction(DEMO_PLENARY_ID, idle, form({ ...item, speakers: speaker!.id }))).toMatchObject({
      status: 'success',
    });
    const items = await agendaOf(DEMO_PLENARY_ID);
    const added = items.at(-1)!;
    expect(added).toMatchObject({
      titleEn: 'Statement by Kazakhstan',
      position: before,
      startsAt: new Date('2024-05-14T06:00:00Z'),
    });
    expect(await db.select().from(agendaItemPeople).where(eq(agendaItemPeople.agendaItemId, added.id))).toMatchObject([
      { contactId: speaker!.id, role: 'speaker' },
    ]);

    await moveAgendaItemAction(added.id, idle, form({ direction: 'up' }));
    expect((await agendaOf(DEMO_PLENARY_ID)).at(-2)!.id).toBe(added.id);
    await removeAgendaItemAction(added.id, idle, form());
    const after = await agendaOf(DEMO_PLENARY_ID);
    expect(after.map((i) => i.position)).toEqual(after.map((_, i) => i));

    expect(await setAgendaPublishedAction(DEMO_PLENARY_ID, idle, form({ published: 'false' }))).toMatchObject({
      status: 'success',
    });
    expect((await db.select().from(meetings).where(eq(meetings.id, DEMO_PLENARY_ID)))[0]!.agendaPublished).toBe(false);

    const target = await redirectTarget(
      duplicateMeetingAction(
        DEMO_PLENARY_ID,
        idle,
        form({
          titleEn: 'Copy',
          titleRu: 'Копия',
          timeZone: 'Asia/Tashkent',
          startDate: '2025-05-14',
          startTime: '10:00',
          endDate: '2025-05-14',
          endTime: '17:00',
          confirmPast: 'on',
        }),
      ),
    );
    const copyId = target!.split('/').pop()!.split('?')[0]!;
    const copied = await agendaOf(copyId);
    expect(copied.map((i) => i.titleEn)).toEqual(after.map((i) => i.titleEn));
    expect(copied[0]!.startsAt.getTime() - after[0]!.startsAt.getTime()).toBe(365 * 24 * 3600 * 1000);
  });
});

describe('updateAgendaItemAction', () => {
  const change = {
    kind: 'panel',
    date: '2024-05-14',
    startTime: '10:30',
    endTime: '12:00',
    titleEn: 'Panel',
    titleRu: 'Панель',
    room: 'Hall B',
  };
  const itemsOf = async () =>
    (await getDb())
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, DEMO_PLENARY_ID))
      .orderBy(agendaItems.id);

  it('refuses anyone below editor, bad input and unknown items, changing nothing', async () => {
    const [first] = await itemsOf();
    await expectRefusedBelow('editor', () => updateAgendaItemAction(first!.id, idle, form(change)), itemsOf);
    await actAs('editor');
    const before = await itemsOf();
    expect(
      await updateAgendaItemAction(first!.id, idle, form({ ...change, titleEn: '', endTime: '25:00' })),
    ).toMatchObject({
      fieldErrors: { titleEn: ['Enter the title in English.'] },
    });
    expect(await updateAgendaItemAction(first!.id, idle, form({ ...change, endTime: '10:00' }))).toMatchObject({
      fieldErrors: { endTime: ['The item must end after it starts.'] },
    });
    expect(await updateAgendaItemAction(randomUUID(), idle, form(change))).toMatchObject({
      message: 'That agenda item no longer exists.',
    });
    expect(await itemsOf()).toEqual(before);
  });

  it('replaces the details and the people of an item, in venue time', async () => {
    await actAs('editor');
    const [first] = await itemsOf();
    expect(await updateAgendaItemAction(first!.id, idle, form(change))).toMatchObject({ status: 'success' });
    const [after] = await (await getDb()).select().from(agendaItems).where(eq(agendaItems.id, first!.id));
    expect(after).toMatchObject({
      kind: 'panel',
      titleEn: 'Panel',
      room: 'Hall B',
      startsAt: new Date('2024-05-14T05:30:00Z'),
    });
    expect(
      await (await getDb()).select().from(agendaItemPeople).where(eq(agendaItemPeople.agendaItemId, first!.id)),
    ).toEqual([]);
  });
});

describe('the order of an agenda item’s people', () => {
  const panel = {
    kind: 'panel',
    date: '2024-05-14',
    startTime: '14:00',
    endTime: '15:00',
    titleEn: 'Panel on water',
    titleRu: 'Панель по воде',
  };
  const panelItem = async () => {
    const items = await (
      await getDb()
    )
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, DEMO_PLENARY_ID), eq(agendaItems.titleEn, panel.titleEn)));
    return items[0]!;
  };

  it('keeps the speakers in the order chosen, not by name, through saving again and listing', async () => {
    await actAs('editor');
    const [zykov, abbasov, yolkin] = [
      await createContact({ name: 'Zykov Zakhar' }),
      await createContact({ name: 'Abbasov Anvar' }),
      await createContact({ name: 'Ёлкин Ерлан' }),
    ];
    expect(
      await addAgendaItemAction(
        DEMO_PLENARY_ID,
        idle,
        form({ ...panel, speakers: [zykov.id, abbasov.id, yolkin.id], moderators: abbasov.id }),
      ),
    ).toMatchObject({ status: 'success' });
    const item = await panelItem();
    const { listAgenda } = await import('@/db/agenda');
    const editor = { id: randomUUID(), email: 'e@example.org', name: null, role: 'editor' as const, timeZone: null };
    const speakersOf = async () =>
      (await listAgenda({ actor: editor, meetingId: DEMO_PLENARY_ID }))
        .find((i) => i.id === item.id)!
        .people.filter((p) => p.role === 'speaker')
        .map((p) => p.name);
    expect(await speakersOf()).toEqual(['Zykov Zakhar', 'Abbasov Anvar', 'Ёлкин Ерлан']);

    expect(
      await updateAgendaItemAction(item.id, idle, form({ ...panel, speakers: [yolkin.id, zykov.id, abbasov.id] })),
    ).toMatchObject({ status: 'success' });
    expect(await speakersOf()).toEqual(['Ёлкин Ерлан', 'Zykov Zakhar', 'Abbasov Anvar']);
    const rows = await (
      await getDb()
    )
      .select({ contactId: agendaItemPeople.contactId, position: agendaItemPeople.position })
      .from(agendaItemPeople)
      .where(eq(agendaItemPeople.agendaItemId, item.id))
      .orderBy(agendaItemPeople.position);
    expect(rows).toEqual([
      { contactId: yolkin.id, position: 0 },
      { contactId: zykov.id, position: 1 },
      { contactId: abbasov.id, position: 2 },
    ]);
  });

  it('refuses a person chosen twice, more than 50 people, and an unknown person, changing nothing', async () => {
    await actAs('editor');
    const item = await panelItem();
    const peopleOf = async () =>
      (await getDb()).select().from(agendaItemPeople).where(eq(agendaItemPeople.agendaItemId, item.id));
    const before = await peopleOf();
    const someone = await createContact();
    expect(
      await updateAgendaItemAction(item.id, idle, form({ ...panel, speakers: [someone.id, someone.id] })),
    ).toMatchObject({ status: 'error', fieldErrors: { speakers: ['Each person can be chosen once.'] } });
    expect(
      await updateAgendaItemAction(
        item.id,
        idle,
        form({ ...panel, participants: Array.from({ length: 51 }, () => randomUUID()) }),
      ),
    ).toMatchObject({ status: 'error', fieldErrors: { participants: ['At most 50 people.'] } });
    expect(
      await updateAgendaItemAction(item.id, idle, form({ ...panel, speakers: [someone.id, randomUUID()] })),
    ).toMatchObject({ message: 'One of the people chosen is no longer in the contacts.' });
    expect(await peopleOf()).toEqual(before);
  });
});
