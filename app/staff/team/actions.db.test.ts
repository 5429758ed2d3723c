import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, outboxMessages, sessions, users } from '@/db/schema';
import { actAs, expectRefusedBelow, form, idle } from '@/test/session';
import { addStaffAction, changeRoleAction, setActiveAction } from './actions';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const allUsers = async () => (await getDb()).select().from(users).orderBy(users.email);

describe('addStaffAction', () => {
  it('refuses anyone below admin and changes nothing', async () => {
    await expectRefusedBelow(
      'admin',
      () => addStaffAction(idle, form({ name: 'Intruder', email: 'intruder@council.test', role: 'admin' })),
      async () => (await allUsers()).filter((u) => u.email === 'intruder@council.test'),
    );
  });

  it('answers bad input field by field and adds nobody', async () => {
    await actAs('admin');
    const before = await allUsers();
    const state = await addStaffAction(idle, form({ name: '  ', email: 'nobody@', role: 'superuser' }));
    expect(state).toMatchObject({
      status: 'error',
      fieldErrors: {
        name: ['Enter their name.'],
        email: [expect.stringMatching(/valid email address/)],
        role: ['Choose viewer, editor or admin.'],
      },
      values: { name: '  ', email: 'nobody@', role: 'superuser' },
    });
    expect(await allUsers()).toEqual(before);
  });

  it('adds a member with a normalised address, emails them in the same transaction and audits it', async () => {
    const admin = await actAs('admin');
    const state = await addStaffAction(
      idle,
      form({ name: 'Nodira Alimova', email: ' Nodira.Alimova@Council.TEST ', role: 'editor' }),
    );
    expect(state).toMatchObject({ status: 'success' });
    const db = await getDb();
    const [added] = await db.select().from(users).where(eq(users.email, 'nodira.alimova@council.test'));
    expect(added).toMatchObject({ name: 'Nodira Alimova', role: 'editor', active: true });
    const mail = await db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.toAddress, 'nodira.alimova@council.test'));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.textBody).toContain('/staff/sign-in');
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, added!.id));
    expect(audit).toMatchObject({ action: 'staff.added', actorId: admin!.id });

    const again = await addStaffAction(
      idle,
      form({ name: 'Other', email: 'NODIRA.ALIMOVA@council.test', role: 'viewer' }),
    );
    expect(again).toMatchObject({
      status: 'error',
      fieldErrors: { email: [expect.stringMatching(/already has this email/)] },
    });
  });
});

describe('changeRoleAction and setActiveAction', () => {
  let target: { id: string; email: string };
  beforeAll(async () => {
    target = (await actAs('viewer'))!;
  });
  const targetRow = async () => (await getDb()).select().from(users).where(eq(users.id, target.id));

  it('refuse anyone below admin and change nothing', async () => {
    await expectRefusedBelow('admin', () => changeRoleAction(target.id, idle, form({ role: 'admin' })), targetRow);
    await expectRefusedBelow('admin', () => setActiveAction(target.id, idle, form({ active: 'false' })), targetRow);
  });

  it('refuse bad input', async () => {
    await actAs('admin');
    const before = await targetRow();
    expect(await changeRoleAction(target.id, idle, form({ role: 'owner' }))).toMatchObject({
      status: 'error',
      fieldErrors: { role: ['Choose viewer, editor or admin.'] },
    });
    expect(await setActiveAction(target.id, idle, form({ active: 'maybe' }))).toMatchObject({ status: 'error' });
    expect(await changeRoleAction('not-a-uuid', idle, form({ role: 'editor' }))).toMatchObject({ status: 'error' });
    expect(await changeRoleAction(randomUUID(), idle, form({ role: 'editor' }))).toMatchObject({
      status: 'error',
      message: 'That staff member no longer exists.',
    });
    expect(await targetRow()).toEqual(before);
  });

  it('change the role, and deactivation ends the member’s sessions at once', async () => {
    await actAs('admin');
    const db = await getDb();
    await db
      .insert(sessions)
      .values({ sessionToken: randomUUID(), userId: target.id, expires: new Date(Date.now() + 3600_000) });
    expect(await changeRoleAction(target.id, idle, form({ role: 'editor' }))).toMatchObject({ status: 'success' });
    expect((await targetRow())[0]!.role).toBe('editor');
    expect(await setActiveAction(target.id, idle, form({ active: 'false' }))).toMatchObject({ status: 'success' });
    expect((await targetRow())[0]!.active).toBe(false);
    expect(await db.select().from(sessions).where(eq(sessions.userId, target.id))).toHaveLength(0);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, target.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['staff.deactivated', 'staff.role_changed']);
  });

  it('never leaves the council without an active admin', async () => {
    const db = await getDb();
    // Only one active admin: the acting one.
    await db.update(users).set({ active: false }).where(eq(users.role, 'admin'));
    const admin = await actAs('admin');
    expect(await setActiveAction(admin!.id, idle, form({ active: 'false' }))).toMatchObject({
      status: 'error',
      message: 'This is the last active admin: make someone else admin first.',
    });
    expect(await changeRoleAction(admin!.id, idle, form({ role: 'viewer' }))).toMatchObject({ status: 'error' });
    const [row] = await db.select().from(users).where(eq(users.id, admin!.id));
    expect(row).toMatchObject({ role: 'admin', active: true });
  });
});
