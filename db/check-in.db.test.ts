import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { flat, pdfText } from '@/test/documents';
import { createContact, createInvitation, createMeeting, createUser, uniqueStamp } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { badgeCodeHash, newBadgeCode, printBadges } from './badges';
import { checkIn, findDoorPeople, registerWalkIn, undoCheckIn } from './check-in';
import { getDb } from './client';
import { auditLog, badgeCodes, checkIns, organisations, registrations } from './schema';

// A day of the seeded-style meeting (Tashkent, UTC+5): 04:12 UTC is 09:12 at the venue.
const MORNING = new Date('2030-05-14T04:12:00Z');
const NEXT_MORNING = new Date('2030-05-15T04:00:00Z');

async function registered(
  meetingId: string,
  person: {
    name?: string;
    latin?: string;
    language?: 'en' | 'ru';
    organisationId?: string;
    status?: 'registered' | 'cancelled';
  } = {},
) {
  const stamp = uniqueStamp();
  const contact = await createContact({
    name: person.name ?? `Person ${stamp}`,
    nameLatin: person.latin ?? `Person ${stamp}`,
    language: person.language ?? 'en',
    organisationId: person.organisationId,
    searchKey: `${(person.name ?? `person ${stamp}`).toLowerCase()} ${(person.latin ?? '').toLowerCase()}`,
    // Badges come in this order; without it every key is '' and the order falls to random invitation ids.
    sortKey: (person.latin ?? `person ${stamp}`).toLowerCase(),
  });
  const invitation = await createInvitation({ meetingId, contactId: contact.id, status: 'accepted' });
  const db = await getDb();
  await db.insert(registrations).values({
    invitationId: invitation.id,
    meetingId,
    status: person.status ?? 'registered',
    passportName: person.latin ?? contact.name,
    displayName: contact.name,
    organisationName: 'Ministry of Foreign Affairs',
    country: 'KZ',
    dataConsentAt: new Date(),
    registeredAt: new Date(),
  });
  return invitation.id;
}

/** The QR code on page `page` of a PDF, as a phone would read it: rasterised, then decoded. */
async function qrOnPage(pdf: Buffer, page: number): Promise<string | null> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'badge-'));
  try {
    fs.writeFileSync(path.join(dir, 'b.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-f', String(page), '-l', String(page), '-png', 'b.pdf', 'page'], {
      cwd: dir,
    });
    const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
    const { data, info } = await sharp(path.join(dir, png)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('badges', () => {
  it('print names in the badge’s script, a QR that checks in the right person, and revoke a reprinted badge', async () => {
    const editor = await createStaff('editor');
    const meeting = await createMeeting();
    const db = await getDb();
    const [ministry] = await db
      .insert(organisations)
      .values({ nameEn: 'Ministry of Foreign Affairs of Kazakhstan', type: 'government', country: 'KZ' })
      .returning();
    const asel = await registered(meeting.id, { name: 'Асель Омарова', latin: 'Asel Omarova', language: 'ru' });
    const john = await registered(meeting.id, {
      name: 'John Smith',
      latin: 'John Smith',
      organisationId: ministry!.id,
    });
    await registered(meeting.id, { status: 'cancelled', name: 'Gone Person', latin: 'Gone Person' });

    const printed = await printBadges({
      actor: editor,
      meetingId: meeting.id,
      selection: { kind: 'all' },
      layout: 'a6',
    });
    expect(printed?.count).toBe(2);
    const text = flat(pdfText(printed!.pdf));
    expect(text).toContain('Асель Омарова');
    expect(text).toContain('ДЕЛЕГАТ');
    expect(text).toContain('Пленарное заседание');
    expect(text).toContain('John Smith');
    expect(text).toContain('Kazakhstan');
    expect(text).toMatch(/Tashkent time \(UTC\+5\)/);
    expect(text).not.toContain('Gone Person');

    // In the order of the directory's sort key (the Latin name): Asel, then John.
    const first = await qrOnPage(printed!.pdf, 1);
    expect(first).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const answer = await checkIn({ actor: editor, meetingId: meeting.id, target: { code: first! }, now: MORNING });
    expect(answer).toMatchObject({ ok: true, person: { invitationId: asel, name: 'Асель Омарова' } });
    const second = await qrOnPage(printed!.pdf, 2);
    expect(
      await checkIn({ actor: editor, meetingId: meeting.id, target: { code: second! }, now: MORNING }),
    ).toMatchObject({ ok: true, person: { invitationId: john, delegation: 'Kazakhstan' } });

    // Nothing left unprinted; one reprint revokes John's code and gives him a working one.
    expect(
      (await printBadges({ actor: editor, meetingId: meeting.id, selection: { kind: 'unprinted' }, layout: 'a4' }))
        ?.count,
    ).toBe(0);
    const again = await printBadges({
      actor: editor,
      meetingId: meeting.id,
      selection: { kind: 'one', invitationId: john },
      layout: 'a6',
    });
    expect(
      await checkIn({ actor: editor, meetingId: meeting.id, target: { code: second! }, now: NEXT_MORNING }),
    ).toMatchObject({ ok: false, reason: 'revoked' });
    const fresh = await qrOnPage(again!.pdf, 1);
    expect(
      await checkIn({ actor: editor, meetingId: meeting.id, target: { code: fresh! }, now: NEXT_MORNING }),
    ).toMatchObject({ ok: true, person: { invitationId: john } });
    const codes = await db.select().from(badgeCodes).where(eq(badgeCodes.invitationId, john));
    expect(codes.map((c) => c.revokedAt === null).sort()).toEqual([false, true]);
    // Only hashes are kept.
    expect(codes.some((c) => c.codeHash === fresh)).toBe(false);
    expect(codes.find((c) => c.revokedAt === null)?.codeHash).toBe(badgeCodeHash(fresh!));
  });

  it('refuse viewers, and print nothing for someone not registered', async () => {
    const meeting = await createMeeting();
    const cancelled = await registered(meeting.id, { status: 'cancelled' });
    const viewer = await createStaff('viewer');
    await expect(
      printBadges({ actor: viewer, meetingId: meeting.id, selection: { kind: 'all' }, layout: 'a4' }),
    ).rejects.toThrow();
    const editor = await createStaff('editor');
    expect(
      await printBadges({
        actor: editor,
        meetingId: meeting.id,
        selection: { kind: 'one', invitationId: cancelled },
        layout: 'a6',
      }),
    ).toBeNull();
  });
});

async function issueCode(meetingId: string, invitationId: string) {
  const code = newBadgeCode();
  const db = await getDb();
  await db.insert(badgeCodes).values({ invitationId, meetingId, codeHash: badgeCodeHash(code), printedAt: new Date() });
  return code;
}

describe('check-in', () => {
  it('says why not: unknown code, cancelled, already in today (when and by whom); a new day counts apart', async () => {
    const meeting = await createMeeting();
    const user = await createUser({ role: 'editor', name: 'Dilnoza Door' });
    const editor = { id: user.id, email: user.email, name: user.name, role: 'editor' as const, timeZone: null };
    const person = await registered(meeting.id);
    const gone = await registered(meeting.id, { status: 'cancelled' });
    const code = await issueCode(meeting.id, person);
    const other = await createMeeting();

    const at = (target: { code: string } | { invitationId: string }, now = MORNING, deviceKey?: string) =>
      checkIn({ actor: editor, meetingId: meeting.id, target, now, deviceKey });
    expect(await at({ code: newBadgeCode() })).toEqual({ ok: false, reason: 'unknown' });
    expect(await checkIn({ actor: editor, meetingId: other.id, target: { code }, now: MORNING })).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(await at({ invitationId: gone })).toMatchObject({ ok: false, reason: 'cancelled' });
    const first = await at({ code }, MORNING, 'device-key-0001');
    expect(first).toMatchObject({ ok: true, atText: '09:12 Tashkent time (UTC+5)' });
    // The same scan sent again (offline queue, lost answer) gets its first answer; a new scan is "already".
    expect(await at({ code }, new Date(MORNING.getTime() + 60_000), 'device-key-0001')).toEqual(first);
    expect(await at({ invitationId: person }, new Date(MORNING.getTime() + 60_000), 'device-key-0002')).toMatchObject({
      ok: false,
      reason: 'already',
      atText: '09:12 Tashkent time (UTC+5)',
      by: 'Dilnoza Door',
    });
    expect(await at({ code }, NEXT_MORNING)).toMatchObject({ ok: true });
    // A key another meeting's scan used is not taken for this one.
    const elsewhere = await registered(other.id);
    expect(
      await checkIn({
        actor: editor,
        meetingId: other.id,
        target: { invitationId: elsewhere },
        now: MORNING,
        deviceKey: 'device-key-0001',
      }),
    ).toEqual({ ok: false, reason: 'unknown' });

    // Undo: audited, and the person can be checked in again that day.
    const db = await getDb();
    expect(
      await undoCheckIn({ actor: editor, meetingId: meeting.id, checkInId: first.ok ? first.checkInId : '' }),
    ).toEqual({
      ok: true,
    });
    expect(
      await undoCheckIn({ actor: editor, meetingId: meeting.id, checkInId: first.ok ? first.checkInId : '' }),
    ).toEqual({
      ok: false,
      reason: 'notFound',
    });
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'check_in.undone'));
    expect(audits.filter((a) => a.entityId === person)).toHaveLength(1);
    expect(await at({ code }, new Date(MORNING.getTime() + 120_000))).toMatchObject({ ok: true });
    const live = await db
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.invitationId, person), isNull(checkIns.undoneAt)));
    expect(live.map((c) => c.day).sort()).toEqual(['2030-05-14', '2030-05-15']);
  });

  it('finds this meeting’s people by name in either script', async () => {
    const meeting = await createMeeting();
    const editor = await createStaff('editor');
    await registered(meeting.id, { name: 'Ёлкин Олег', latin: 'Yolkin Oleg' });
    const elsewhere = await createMeeting();
    await registered(elsewhere.id, { name: 'Ёлкина Анна', latin: 'Yolkina Anna' });
    const found = await findDoorPeople({ actor: editor, meetingId: meeting.id, search: 'yolkin', now: MORNING });
    expect(found.map((p) => p.name)).toEqual(['Ёлкин Олег']);
  });

  it('registers a walk-in, regardless of seats, and checks them in', async () => {
    const meeting = await createMeeting({ capacity: 1 });
    await registered(meeting.id);
    const editor = await createStaff('editor');
    const result = await registerWalkIn({
      actor: editor,
      meetingId: meeting.id,
      input: {
        name: 'Бахтиёр Каримов',
        nameLatin: '',
        organisation: 'Press',
        country: 'UZ',
        role: 'media',
        language: 'ru',
        listConsent: true,
        email: '',
      },
      now: MORNING,
    });
    expect(result).toMatchObject({
      ok: true,
      answer: { ok: true, person: { name: 'Бахтиёр Каримов', role: 'media' } },
    });
    const db = await getDb();
    const [row] = await db
      .select()
      .from(registrations)
      .where(eq(registrations.invitationId, result.ok ? result.invitationId : ''));
    expect(row).toMatchObject({ walkIn: true, status: 'registered', listConsent: true });
    expect(row!.passportName).toMatch(/^Bakh/);
  });
});

describe.runIf(process.env.TEST_DATABASE_KIND === 'postgres')('check-in under concurrency', () => {
  it('5 scanners × 200 people, each badge scanned twice: exactly 200 check-ins', async () => {
    const meeting = await createMeeting();
    const scanners = await Promise.all(Array.from({ length: 5 }, () => createStaff('editor')));
    const db = await getDb();
    const contacts = await Promise.all(
      Array.from({ length: 200 }, (_, i) => createContact({ name: `Crowd ${i} ${uniqueStamp()}` })),
    );
    const people = await Promise.all(
      contacts.map(async (c) => (await createInvitation({ meetingId: meeting.id, contactId: c.id })).id),
    );
    await db.insert(registrations).values(
      people.map((invitationId) => ({
        invitationId,
        meetingId: meeting.id,
        status: 'registered' as const,
        passportName: 'Crowd',
        displayName: 'Crowd',
        organisationName: 'Org',
        country: 'KZ',
        dataConsentAt: new Date(),
      })),
    );
    const codes = await Promise.all(people.map((id) => issueCode(meeting.id, id)));
    // Each badge twice, at different scanners, in an interleaved order.
    const scans = [...codes, ...codes.slice().reverse()];
    const answers = await Promise.all(
      scanners.map(async (scanner, s) => {
        const mine = scans.filter((_, i) => i % 5 === s);
        const out = [];
        for (const code of mine)
          out.push(await checkIn({ actor: scanner, meetingId: meeting.id, target: { code }, now: MORNING }));
        return out;
      }),
    );
    const flatAnswers = answers.flat();
    expect(flatAnswers.filter((a) => a.ok)).toHaveLength(200);
    expect(flatAnswers.filter((a) => !a.ok && a.reason === 'already')).toHaveLength(200);
    const rows = await db.select().from(checkIns).where(eq(checkIns.meetingId, meeting.id));
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r.invitationId)).size).toBe(200);
  });
});
