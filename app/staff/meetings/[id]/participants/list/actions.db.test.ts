import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { participantListReleases } from '@/db/schema';
import { createMeeting } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { releaseParticipantListAction } from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const releases = async (meetingId: string) =>
  (await getDb()).select().from(participantListReleases).where(eq(participantListReleases.meetingId, meetingId));

describe('releasing the list of participants', () => {
  it('is refused to the signed-out and to viewers, releasing nothing', async () => {
    const meeting = await createMeeting();
    await expectRefusedBelow(
      'editor',
      () => releaseParticipantListAction(meeting.id, idle, form()),
      () => releases(meeting.id),
    );
  });

  it('refuses a meeting id that is not one, and a meeting that does not exist', async () => {
    await actAs('editor');
    const bad = await releaseParticipantListAction('not-a-uuid', idle, form());
    expect(bad.status === 'error' && bad.code).toBe('missing');
    const gone = await releaseParticipantListAction('0b7a7c1e-5d1f-4c43-9a51-00000000dead', idle, form());
    expect(gone).toMatchObject({ status: 'error', message: 'This meeting no longer exists.' });
  });

  it('stores a release for an editor', async () => {
    const meeting = await createMeeting();
    await actAs('editor');
    const state = await releaseParticipantListAction(meeting.id, idle, form());
    expect(state).toMatchObject({ status: 'success' });
    expect(state.status === 'success' && state.message).toMatch(/0 people registered/);
    const [release] = await releases(meeting.id);
    expect(release).toMatchObject({ basis: 'registered', entries: 0 });
    expect(release!.modelRu.language).toBe('ru');
  });
});
