import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decryptJson } from '@/lib/data-key';
import { DEMO_PLENARY_ID, seedDemoData } from '@/scripts/demo/seed';
import { generateDemoDirectory } from '@/scripts/demo/demo-directory';
import { createContact, createMeeting } from '@/test/factories';
import { createStaff } from '@/test/staff';
import { backupPostgres, BackupRefusedError, restorePostgres } from './backup';
import { closeDatabase, getDb } from './client';
import { compareFingerprints, describeComparison, fingerprintTables, onPostgres } from './database-copy';
import { invitationLink } from './invitation-mail';
import { inviteContacts, openInvitationLink } from './invitations';
import { claimDueMessages, markSent } from './outbox';
import { submitRegistration } from './registrations';
import { invitations, registrations, summaryPhotos, type VisaDetails } from './schema';
import { addSummaryPhoto } from './summary-photos';
import { draftMeetingSummary } from './summary-drafting';

// The backup round trip of issue 24 on PostgreSQL (pg_dump and pg_restore are PostgreSQL's; the embedded copy is
// PGlite's own and is proven by db:move's test): a database with the demo, 20,000 contacts, a registration with
// encrypted visa details, sent mail and a photo is backed up, restored elsewhere and compared table by table.

const onPostgresOnly = process.env.TEST_DATABASE_KIND !== 'postgres';
// Mail is queued for a worker only when a mail server is configured (else kept as captured); none is contacted here.
process.env.SMTP_URL ??= 'smtp://127.0.0.1:9';
const BEFORE = new Date('2027-04-01T00:00:00Z');
const VISA: VisaDetails = {
  nationality: 'KZ',
  passportNumber: 'N12345678',
  dateOfBirth: '1980-02-03',
  passportExpiry: '2030-01-01',
};

async function fingerprints(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fingerprintTables(onPostgres(sql));
  } finally {
    await sql.end();
  }
}

describe.skipIf(onPostgresOnly)('backup and restore on PostgreSQL', () => {
  it('restores every table identically; encrypted data and links sent before still work', async () => {
    const db = await getDb();
    const sourceUrl = process.env.DATABASE_URL!;
    await seedDemoData(db);
    await generateDemoDirectory(db, { contacts: 20_000, organisations: 500 });

    const editor = await createStaff('editor');
    const meeting = await createMeeting({
      startsAt: new Date('2027-05-14T05:00:00Z'),
      endsAt: new Date('2027-05-14T12:00:00Z'),
      status: 'planned',
      registrationDeadline: new Date('2027-05-01T00:00:00Z'),
      visaSupport: true,
    });
    await createContact({ name: 'Aziz Karimov', email: 'aziz.backup@example.org', tags: ['backup-round-trip'] });
    await inviteContacts(editor, meeting.id, {
      selection: { by: 'filter', tag: 'backup-round-trip' },
      role: 'delegate',
      confirmedCount: 1,
    });
    const [invitation] = await db.select().from(invitations).where(eq(invitations.meetingId, meeting.id));
    const token = invitationLink(invitation!).split('/i/')[1]!;
    const registered = await submitRegistration(
      token,
      {
        passportName: 'Aziz Karimov',
        displayName: 'Азиз Каримов',
        title: 'Head of division',
        organisationName: 'Ministry of Justice',
        country: 'UZ',
        phone: '+998 71 000 00 00',
        arrivalDate: '2027-05-13',
        departureDate: '2027-05-15',
        accessibilityNeeds: '',
        dietaryNeeds: '',
        listConsent: true,
        attendance: null,
        visa: VISA,
      },
      BEFORE,
    );
    expect(registered).toMatchObject({ ok: true });
    const mail = await claimDueMessages({ workerId: 'backup-test', limit: 100, leaseSeconds: 60 });
    expect(mail.length).toBeGreaterThan(0);
    await markSent(mail, 'backup-test');
    const drafted = await draftMeetingSummary(editor, DEMO_PLENARY_ID);
    const summaryId = drafted.summaryId;
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#4477aa' } })
      .jpeg()
      .toBuffer();
    expect(
      await addSummaryPhoto(editor, summaryId!, {
        altEn: 'The delegations',
        altRu: 'Делегации',
        credit: 'UNRCCA',
        image: { data: photo, contentType: 'image/jpeg', width: 64, height: 48 },
      }),
    ).toMatchObject({ ok: true });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-backup-'));
    const file = path.join(dir, 'backup.dump');
    // On the server's maintenance database: the test's own is dropped and made again below.
    const admin = postgres(Object.assign(new URL(sourceUrl), { pathname: '/postgres' }).toString(), {
      max: 1,
      onnotice: () => {},
    });
    const restoredName = `${new URL(sourceUrl).pathname.slice(1)}_restored`;
    const restoredUrl = Object.assign(new URL(sourceUrl), { pathname: `/${restoredName}` }).toString();
    try {
      await backupPostgres(sourceUrl, file);
      await admin.unsafe(`create database ${restoredName}`);
      await restorePostgres(restoredUrl, file);

      const before = await fingerprints(sourceUrl);
      const after = await fingerprints(restoredUrl);
      console.info(`Backup round trip, rows per table (backed up → restored):\n${describeComparison(before, after)}`);
      expect(before.find((t) => t.table === 'public.contacts')!.rows).toBeGreaterThanOrEqual(20_000);
      expect(before.find((t) => t.table === 'public.summary_photos')!.rows).toBe(1);
      expect(compareFingerprints(before, after)).toEqual([]);

      // Restoring over data is refused unless asked for.
      await expect(restorePostgres(restoredUrl, file)).rejects.toBeInstanceOf(BackupRefusedError);

      const restored = postgres(restoredUrl, { max: 1, onnotice: () => {} });
      try {
        const [row] = await restored<{ visa_data: string }[]>`
          select visa_data from registrations where invitation_id = ${invitation!.id}`;
        expect(decryptJson(row!.visa_data, invitation!.id)).toEqual(VISA);
        const [stored] = await restored<{ data: Buffer }[]>`select data from summary_photos`;
        expect(Buffer.compare(stored!.data, photo)).toBe(0);
      } finally {
        await restored.end();
      }

      // The app's own database replaced by the backup: the link mailed before it opens the same invitation.
      await closeDatabase();
      await admin.unsafe(`drop database ${new URL(sourceUrl).pathname.slice(1)} with (force)`);
      await admin.unsafe(`create database ${new URL(sourceUrl).pathname.slice(1)}`);
      await restorePostgres(sourceUrl, file);
      const opened = await openInvitationLink(token, BEFORE);
      expect(opened.ok && opened.opened.invitation.id).toBe(invitation!.id);
      expect(opened.ok && opened.opened.registration?.status).toBe('registered');
      const [photoRow] = await (await getDb()).select({ id: summaryPhotos.id }).from(summaryPhotos);
      expect(photoRow).toBeDefined();
      const [registration] = await (
        await getDb()
      )
        .select({ visaData: registrations.visaData })
        .from(registrations)
        .where(eq(registrations.invitationId, invitation!.id));
      expect(decryptJson(registration!.visaData!, invitation!.id)).toEqual(VISA);
    } finally {
      await admin.unsafe(`drop database if exists ${restoredName} with (force)`);
      await admin.end();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
