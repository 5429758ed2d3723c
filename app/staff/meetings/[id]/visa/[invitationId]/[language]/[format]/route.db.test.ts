import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, notesVerbales, outboxMessages, registrations, visaLetters } from '@/db/schema';
import { listVisaRequests } from '@/db/visa-letters';
import { encryptJson } from '@/lib/data-key';
import { createContact, createCouncil, createInvitation, createMeeting } from '@/test/factories';
import { docxText, flat, pdfFonts, pdfText } from '@/test/documents';
import { actAs } from '@/test/session';
import { createStaff } from '@/test/staff';
import { GET } from './route';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));

const PASSPORT = 'N7731904';
const logged: string[] = [];
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  });
afterEach(() => vi.clearAllMocks());

async function visaRequest() {
  const council = await createCouncil({ notePlaceEn: 'Ashgabat', notePlaceRu: 'Ашхабад' });
  const meeting = await createMeeting({
    councilId: council.id,
    titleEn: 'Working group on reintegration',
    titleRu: 'Рабочая группа по реинтеграции',
    startsAt: new Date('2030-04-20T04:00:00Z'),
    endsAt: new Date('2030-04-21T12:00:00Z'),
    country: 'TM',
    cityEn: 'Ashgabat',
    cityRu: 'Ашхабад',
    visaSupport: true,
  });
  const contact = await createContact({ name: 'Асель Омарова', courtesyTitle: 'Ms.', grammaticalGender: 'feminine' });
  const invitation = await createInvitation({ meetingId: meeting.id, contactId: contact.id, status: 'accepted' });
  await (await getDb()).insert(registrations).values({
    invitationId: invitation.id,
    meetingId: meeting.id,
    status: 'registered',
    passportName: 'Asel Omarova',
    displayName: 'Асель Омарова',
    organisationName: 'Ministry of Foreign Affairs',
    country: 'KZ',
    dataConsentAt: new Date(),
    arrivalDate: '2030-04-19',
    departureDate: '2030-04-22',
    visaData: encryptJson(
      { nationality: 'KZ', passportNumber: PASSPORT, dateOfBirth: '1988-02-03', passportExpiry: '2033-01-01' },
      invitation.id,
    ),
  });
  return { meeting, invitation };
}

const download = (meetingId: string, invitationId: string, file: string) => {
  const [language, format] = file.split('.') as [string, string];
  return GET(new Request(`http://localhost/staff/meetings/${meetingId}/visa/${invitationId}/${language}/${format}`), {
    params: Promise.resolve({ id: meetingId, invitationId, language, format }),
  });
};

/** Every file under `dir`, read as bytes: a stored plaintext would show up in one of them. */
function filesContaining(dir: string, needle: string): string[] {
  if (!dir || !fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (fs.readFileSync(file).includes(needle)) found.push(file);
  }
  return found;
}

describe('visa support letters', () => {
  it('refuses the signed-out, viewers and editors, issuing nothing', async () => {
    const { meeting, invitation } = await visaRequest();
    await actAs(null);
    expect((await download(meeting.id, invitation.id, 'en.pdf')).status).toBe(307);
    for (const role of ['viewer', 'editor'] as const) {
      await actAs(role);
      expect((await download(meeting.id, invitation.id, 'en.pdf')).status, role).toBe(403);
      expect((await download(meeting.id, 'not-an-id', 'en.pdf')).status, role).toBe(403);
    }
    const db = await getDb();
    expect(await db.select().from(visaLetters).where(eq(visaLetters.invitationId, invitation.id))).toEqual([]);
    await expect(listVisaRequests({ actor: await createStaff('editor'), meetingId: meeting.id })).rejects.toThrow(
      /admin/,
    );
  });

  it('answers 404 for a malformed file name, another meeting or no visa request', async () => {
    const { meeting, invitation } = await visaRequest();
    await actAs('admin');
    expect((await download(meeting.id, invitation.id, 'de.pdf')).status).toBe(404);
    expect((await download(meeting.id, invitation.id, 'en.txt')).status).toBe(404);
    expect((await download((await createMeeting()).id, invitation.id, 'en.pdf')).status).toBe(404);
    const plain = await createInvitation({ meetingId: meeting.id });
    expect((await download(meeting.id, plain.id, 'en.pdf')).status).toBe(404);
  });

  it('gives an admin the letter in English and Russian, registers it, and leaves the passport number nowhere', async () => {
    const { meeting, invitation } = await visaRequest();
    const admin = (await actAs('admin'))!;

    const english = await download(meeting.id, invitation.id, 'en.pdf');
    expect(english.status).toBe(200);
    expect(english.headers.get('content-type')).toBe('application/pdf');
    expect(english.headers.get('cache-control')).toBe('no-store');
    const pdf = Buffer.from(await english.arrayBuffer());
    const text = flat(pdfText(pdf));
    expect(text).toContain('To the consular authorities of Turkmenistan');
    expect(text).toContain('has been invited to participate in the meeting “Working group on reintegration”');
    expect(text).toContain('Ms. Асель Омарова');
    expect(text).toContain(PASSPORT);
    expect(text).toContain('Kazakhstan');
    expect(text).toContain('from 19 April 2030 to 22 April 2030');
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);

    const russian = await download(meeting.id, invitation.id, 'ru.docx');
    expect(russian.headers.get('content-disposition')).toContain('visa-letter-Asel-Omarova-ru.docx');
    const ru = flat(await docxText(Buffer.from(await russian.arrayBuffer())));
    expect(ru).toContain('Консульским учреждениям Туркменистана');
    expect(ru).toContain('нижеуказанное лицо приглашено принять участие в совещании «Рабочая группа по реинтеграции»');
    expect(ru).toContain('г-жа Асель Омарова');
    expect(ru).toContain('Казахстан');
    expect(ru).toContain(PASSPORT);
    expect(ru).toContain('с 19 апреля 2030 года по 22 апреля 2030 года');

    const db = await getDb();
    const register = await db.select().from(visaLetters).where(eq(visaLetters.invitationId, invitation.id));
    expect(register.map((r) => [r.language, r.issuedByEmail])).toEqual(
      expect.arrayContaining([
        ['en', admin.email],
        ['ru', admin.email],
      ]),
    );
    const [request] = await listVisaRequests({ actor: await createStaff('admin'), meetingId: meeting.id });
    expect(request).toMatchObject({
      passportName: 'Asel Omarova',
      nationality: 'KZ',
      letters: 2,
      lastIssuedBy: admin.email,
    });

    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, invitation.id));
    expect(audit.filter((a) => a.action === 'visa_letter.issued')).toHaveLength(2);
    // Nothing stored or logged carries the passport number.
    const everything = JSON.stringify([
      await db.select().from(auditLog),
      await db.select().from(outboxMessages),
      await db.select().from(visaLetters),
      await db.select().from(notesVerbales),
    ]);
    expect(everything).not.toContain(PASSPORT);
    expect(logged.join('\n')).not.toContain(PASSPORT);
    expect(filesContaining(process.env.DATA_DIR ?? '', PASSPORT)).toEqual([]);
  });
});
