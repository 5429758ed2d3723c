import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { councils, meetings, notesVerbales } from '@/db/schema';
import { createMeeting } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { issueNoteAction, saveNoteSettingsAction, saveNoteTextsAction } from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const state = async (meetingId: string) => {
  const db = await getDb();
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  return {
    notes: await db.select().from(notesVerbales).where(eq(notesVerbales.meetingId, meetingId)),
    meeting,
    council: (await db.select().from(councils).where(eq(councils.id, meeting!.councilId)))[0],
  };
};

const issueForm = (fields: Record<string, string> = {}) =>
  form({
    language: 'ru',
    addressee: 'Министерству иностранных дел Туркменистана',
    quota: '3',
    deadline: '',
    ...fields,
  });

describe('notes verbales actions', () => {
  it('refuse those below the role each needs, changing nothing', async () => {
    const meeting = await createMeeting();
    const snapshot = () => state(meeting.id);
    await expectRefusedBelow('editor', () => issueNoteAction(meeting.id, idle, issueForm()), snapshot);
    await expectRefusedBelow(
      'editor',
      () => saveNoteTextsAction(meeting.id, idle, form({ noteTextEn: 'X {{addressee}}', noteTextRu: '' })),
      snapshot,
    );
    await expectRefusedBelow(
      'admin',
      () => saveNoteSettingsAction(meeting.id, idle, form({ prefix: 'RCCA', placeEn: '', placeRu: '' })),
      snapshot,
    );
  });

  it('refuse bad input field by field', async () => {
    const meeting = await createMeeting();
    await actAs('admin');
    const before = await state(meeting.id);
    const issued = await issueNoteAction(
      meeting.id,
      idle,
      issueForm({ language: 'de', addressee: ' ', quota: '0', deadline: 'soon' }),
    );
    expect(issued.status === 'error' && Object.keys(issued.fieldErrors ?? {}).sort()).toEqual([
      'addressee',
      'deadline',
      'language',
      'quota',
    ]);
    const texts = await saveNoteTextsAction(
      meeting.id,
      idle,
      form({ noteTextEn: 'To the {{adressee}}', noteTextRu: '' }),
    );
    expect(texts.status === 'error' && texts.fieldErrors?.noteTextEn?.[0]).toMatch(
      /Unknown placeholder \{\{adressee\}\}/,
    );
    const settings = await saveNoteSettingsAction(
      meeting.id,
      idle,
      form({ prefix: 'RC/CA', placeEn: '', placeRu: '' }),
    );
    expect(settings.status === 'error' && settings.fieldErrors?.prefix).toBeTruthy();
    expect(await state(meeting.id)).toEqual(before);
  });

  it('issue a note, save the texts and the settings for an editor and an admin', async () => {
    const meeting = await createMeeting();
    await actAs('editor');
    expect(
      await saveNoteTextsAction(meeting.id, idle, form({ noteTextEn: 'To the {{addressee}}.', noteTextRu: '' })),
    ).toMatchObject({
      status: 'success',
    });
    const issued = await issueNoteAction(meeting.id, idle, issueForm({ deadline: '2030-04-01' }));
    expect(issued).toMatchObject({
      status: 'success',
      message: expect.stringMatching(/^Note verbale NV\/\d{4}\/001 issued/),
    });
    await actAs('admin');
    expect(
      await saveNoteSettingsAction(meeting.id, idle, form({ prefix: 'RCCA', placeEn: 'Ashgabat', placeRu: 'Ашхабад' })),
    ).toMatchObject({ status: 'success' });
    const after = await state(meeting.id);
    expect(after.meeting!.noteTextEn).toBe('To the {{addressee}}.');
    expect(after.notes.map((n) => n.addressee)).toEqual(['Министерству иностранных дел Туркменистана']);
    expect(after.council).toMatchObject({
      noteReferencePrefix: 'RCCA',
      notePlaceEn: 'Ashgabat',
      notePlaceRu: 'Ашхабад',
    });
    // A meeting that does not exist.
    expect(await issueNoteAction(crypto.randomUUID(), idle, issueForm())).toMatchObject({ status: 'error' });
  });
});
