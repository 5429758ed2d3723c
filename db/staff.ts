import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { assertRole, type StaffUser } from '@/lib/auth/roles';
import { appBaseUrl } from '@/lib/env';
import { escapeHtml, htmlButton, htmlEmail } from '@/lib/mail/html';
import { actorOf, recordAudit } from './audit';
import { getDb } from './client';
import { enqueueMail } from './outbox';
import { sessions, users, type StaffRole, type User } from './schema';
import { countActiveAdmins, normaliseEmail } from './staff-auth';

export type StaffListItem = Pick<User, 'id' | 'name' | 'email' | 'role' | 'active' | 'createdAt'>;

export async function listStaff({ actor }: { actor: StaffUser }): Promise<StaffListItem[]> {
  assertRole(actor, 'admin');
  const db = await getDb();
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(desc(users.active), asc(users.name), asc(users.email));
}

export type StaffChangeResult = { ok: true } | { ok: false; reason: 'notFound' | 'emailTaken' | 'lastAdmin' };

/** Adds a staff member and tells them by email how to sign in (no link: they ask for one on the sign-in page). */
export async function addStaff(
  actor: StaffUser,
  input: { name: string; email: string; role: StaffRole },
): Promise<StaffChangeResult & { id?: string }> {
  assertRole(actor, 'admin');
  const db = await getDb();
  const email = normaliseEmail(input.email);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ name: input.name, email, role: input.role, active: true })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!created) return { ok: false, reason: 'emailTaken' } as const;
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'staff.added',
      entityType: 'user',
      entityId: created.id,
      after: { name: created.name, email, role: created.role, active: true },
    });
    const signInPage = `${appBaseUrl()}/staff/sign-in`;
    await enqueueMail(tx, {
      kind: 'staff_welcome',
      to: email,
      toName: input.name,
      subject: 'You have been given access to Council Desk',
      text: [
        `Hello ${input.name},`,
        '',
        `${actor.name ?? actor.email} has added you to Council Desk as ${input.role}.`,
        `To sign in, open ${signInPage} and enter this email address; we will send you a sign-in link.`,
        '',
        '— Council Desk',
      ].join('\n'),
      html: htmlEmail({
        lang: 'en',
        title: 'Access to Council Desk',
        paragraphs: [
          `Hello ${escapeHtml(input.name)},`,
          `${escapeHtml(actor.name ?? actor.email)} has added you to Council Desk as <strong>${input.role}</strong>.`,
          'To sign in, open the sign-in page and enter this email address; we will send you a sign-in link.',
          htmlButton(signInPage, 'Go to the sign-in page'),
        ],
      }),
    });
    return { ok: true, id: created.id } as const;
  });
}

async function changeStaff(
  actor: StaffUser,
  id: string,
  change: { role?: StaffRole; active?: boolean },
  action: string,
): Promise<StaffChangeResult> {
  assertRole(actor, 'admin');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) return { ok: false, reason: 'notFound' } as const;
    const losesAdmin =
      before.role === 'admin' &&
      before.active &&
      (change.role !== undefined ? change.role !== 'admin' : change.active === false);
    // Someone must always be able to manage staff. Lock the admins so two demotions cannot race past this check.
    if (losesAdmin) {
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true)))
        .for('update');
      if ((await countActiveAdmins(tx)) <= 1) return { ok: false, reason: 'lastAdmin' } as const;
    }
    const [after] = await tx
      .update(users)
      .set({ ...change, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning();
    // A deactivated member's open sessions end now, not when they expire.
    if (change.active === false) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action,
      entityType: 'user',
      entityId: id,
      before: { role: before.role, active: before.active },
      after: { role: after!.role, active: after!.active },
    });
    return { ok: true } as const;
  });
}

export const changeStaffRole = (actor: StaffUser, input: { id: string; role: StaffRole }) =>
  changeStaff(actor, input.id, { role: input.role }, 'staff.role_changed');

export const setStaffActive = (actor: StaffUser, input: { id: string; active: boolean }) =>
  changeStaff(actor, input.id, { active: input.active }, input.active ? 'staff.reactivated' : 'staff.deactivated');

/** A staff member's own time zone (null: show venue times only). */
export async function setOwnTimeZone(actor: StaffUser, timeZone: string | null): Promise<void> {
  assertRole(actor, 'viewer');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, actor.id));
    await tx
      .update(users)
      .set({ timeZone, updatedAt: sql`now()` })
      .where(eq(users.id, actor.id));
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'staff.time_zone_changed',
      entityType: 'user',
      entityId: actor.id,
      before: { timeZone: before?.timeZone ?? null },
      after: { timeZone },
    });
  });
}
