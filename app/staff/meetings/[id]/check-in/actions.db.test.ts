import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { badgeCodeHash, newBadgeCode } from '@/db/badges';
import { getDb } from '@/db/client';
import { badgeCodes, checkIns, registrations } from '@/db/schema';
import { createInvitation, createMeeting } from '@/test/factories';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { POST as printRoute } from '../badges/route';
import { undoCheckInAction, walkInAction } from './actions';
import { POST as scanRoute } from './scan/route';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const walkIn = (fields: Record<string, string> = {}) =>
  form({
    name: 'Walk In',
    nameLatin: '',
    organisation: 'UNDP',
    country: 'TJ',
    role: 'observer',
    language: 'en',
    listConsent: 'yes',
    email: '',
    ...fields,
  });

async function registeredWithCode(meetingId: string) {
  const invitation = await createInvitation({ meetingId, status: 'accepted' });
  const db = await getDb();
  await db.insert(registrations).values({
    invitationId: invitation.id,
    meetingId,
    status: 'registered',
    passportName: 'Scanned Person',
    displayName: 'Scanned Person',
    organisationName: 'Org',
    country: 'KZ',
    dataConsentAt: new Date(),
  });
  const code = newBadgeCode();
  await db.insert(badgeCodes).values({ invitationId: invitation.id, meetingId, codeHash: badgeCodeHash(code) });
  return { invitationId: invitation.id, code };
}

const context = (id: string) => ({ params: Promise.resolve({ id }) });
const scan = (id: string, body: unknown) =>
  scanRoute(
    new Request(`http://localhost/staff/meetings/${id}/check-in/scan`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    context(id),
  );

describe('check-in actions and routes', () => {
  it('refuse those below editor, changing nothing', async () => {
    const meeting = await createMeeting();
    const db = await getDb();
    const snapshot = async () => ({
      registrations: await db.select().from(registrations).where(eq(registrations.meetingId, meeting.id)),
      checkIns: await db.select().from(checkIns).where(eq(checkIns.meetingId, meeting.id)),
    });
    await expectRefusedBelow('editor', () => walkInAction(meeting.id, idle, walkIn()), snapshot);
    await expectRefusedBelow(
      'editor',
      () => undoCheckInAction(meeting.id, crypto.randomUUID(), idle, form()),
      snapshot,
    );
    const { code } = await registeredWithCode(meeting.id);
    await actAs(null);
    expect((await scan(meeting.id, { code, deviceKey: 'abcdefgh1' })).status).toBe(401);
    await actAs('viewer');
    expect((await scan(meeting.id, { code, deviceKey: 'abcdefgh2' })).status).toBe(403);
    const printed = await printRoute(
      new Request('http://localhost/x', { method: 'POST', body: form({ which: 'all', layout: 'a4' }) }),
      context(meeting.id),
    );
    expect(printed.status).toBe(403);
    expect(await snapshot()).toMatchObject({ checkIns: [] });
    expect(await db.select().from(badgeCodes).where(eq(badgeCodes.meetingId, meeting.id))).toHaveLength(1);
  });

  it('refuse bad input', async () => {
    const meeting = await createMeeting();
    await actAs('editor');
    const refused = await walkInAction(
      meeting.id,
      idle,
      walkIn({ name: ' ', country: 'XX', role: 'king', email: 'not-an-address', nameLatin: 'Иван' }),
    );
    expect(refused.status === 'error' && Object.keys(refused.fieldErrors ?? {}).sort()).toEqual([
      'country',
      'email',
      'name',
      'nameLatin',
      'role',
    ]);
    for (const body of ['{not json', { code: 'short', deviceKey: 'abcdefgh3' }, { code: newBadgeCode() }, {}]) {
      expect((await scan(meeting.id, body)).status, JSON.stringify(body)).toBe(400);
    }
    const badPrint = await printRoute(
      new Request('http://localhost/x', { method: 'POST', body: form({ which: 'one', layout: 'a5' }) }),
      context(meeting.id),
    );
    expect(badPrint.status).toBe(400);
  });

  it('check in through the route, once per device key, and register a walk-in', async () => {
    const meeting = await createMeeting();
    const { code, invitationId } = await registeredWithCode(meeting.id);
    await actAs('editor');
    const first = await (await scan(meeting.id, { code, deviceKey: 'device-key-1' })).json();
    expect(first).toMatchObject({ ok: true, person: { invitationId } });
    expect(await (await scan(meeting.id, { code, deviceKey: 'device-key-1' })).json()).toEqual(first);
    expect(await (await scan(meeting.id, { invitationId, deviceKey: 'device-key-2' })).json()).toMatchObject({
      ok: false,
      reason: 'already',
    });
    const done = await walkInAction(meeting.id, idle, walkIn());
    expect(done).toMatchObject({ status: 'success', values: { invitationId: expect.any(String) } });
    await expect(undoCheckInAction(meeting.id, first.checkInId, idle, form())).rejects.toThrow('NEXT_REDIRECT');
    expect(await (await scan(meeting.id, { code, deviceKey: 'device-key-3' })).json()).toMatchObject({ ok: true });
    const printed = await printRoute(
      new Request('http://localhost/x', { method: 'POST', body: form({ which: 'all', layout: 'a4' }) }),
      context(meeting.id),
    );
    expect(printed.headers.get('content-type')).toBe('application/pdf');
    expect(printed.headers.get('x-badge-count')).toBe('2');
  });
});
