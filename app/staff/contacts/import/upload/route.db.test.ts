import { eq, like } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { getContactImport, previewContactImport, runContactImport, startContactImport } from '@/db/contact-import';
import { contactImports, contacts } from '@/db/schema';
import { createContact, createCouncil } from '@/test/factories';
import { actAs } from '@/test/session';
import { GET as exportContacts } from '../../export/route';
import { GET, POST } from './route';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));

// The upload routes make the proxy's origin check themselves (services/uploads/multipart.ts): a page of this site.
const sameSite = { origin: 'http://localhost', host: 'localhost' };

function upload(body: BodyInit | null, headers: Record<string, string> = {}) {
  return POST(
    new Request('http://localhost/staff/contacts/import/upload', {
      method: 'POST',
      body,
      headers: { ...sameSite, ...headers },
    }),
  );
}

function fileForm(content: string | Uint8Array<ArrayBuffer>, name = 'contacts.csv') {
  const data = new FormData();
  data.append('file', new File([content], name, { type: 'text/csv' }));
  return data;
}

const importCount = async () => (await (await getDb()).select({ id: contactImports.id }).from(contactImports)).length;

describe('the upload route', () => {
  it('sends the signed-out to sign in and refuses viewers, storing nothing', async () => {
    await actAs(null);
    const signedOut = await upload(fileForm('Full name,Email\nA,a@example.org\n'));
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe('/staff/sign-in?callbackUrl=%2Fstaff%2Fcontacts%2Fimport');
    expect((await GET()).status).toBe(307);
    await actAs('viewer');
    const viewer = await upload(fileForm('Full name,Email\nA,a@example.org\n'));
    expect(viewer.status).toBe(403);
    expect(await viewer.text()).toContain('needs the <strong>editor</strong> role');
    expect((await GET()).status).toBe(403);
    expect(await importCount()).toBe(0);
  });

  it('sends bad files back to the form with the problem named', async () => {
    await actAs('editor');
    const problem = async (response: Response) =>
      new URL(response.headers.get('location')!, 'http://localhost').searchParams.get('problem');
    expect(await problem(await upload(new FormData()))).toBe('noFile');
    expect(await problem(await upload(fileForm('')))).toBe('empty');
    expect(
      await problem(await upload(fileForm(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'contacts.xlsx'))),
    ).toBe('binary');
    expect(await problem(await upload(fileForm('Full name,Email\n')))).toBe('noRows');
    expect(await problem(await upload('x', { 'content-length': String(20 * 1024 * 1024) }))).toBe('tooLarge');
    expect(await problem(await upload('not multipart', { 'content-type': 'multipart/form-data; boundary=x' }))).toBe(
      'unreadable',
    );
    expect(await importCount()).toBe(0);
  });

  it('keeps the council a roster file is for, and ignores one that is not a council', async () => {
    await actAs('editor');
    const council = await createCouncil();
    const roster = fileForm(
      'Full name,Email,Role,Nominated by,Term from\nA,a.roster@example.org,Member,KZ,2026-01-01\n',
    );
    roster.append('rosterCouncilId', council.id);
    const withCouncil = await upload(roster);
    const idOf = (response: Response) => response.headers.get('location')!.split('/').at(-1)!;
    const [stored] = await (
      await getDb()
    )
      .select()
      .from(contactImports)
      .where(eq(contactImports.id, idOf(withCouncil)));
    expect(stored!.rosterCouncilId).toBe(council.id);
    expect(stored!.mappingConfirmed).toBe(true);
    for (const bad of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const form = fileForm('Full name,Email\nB,b.roster@example.org\n');
      form.append('rosterCouncilId', bad);
      const response = await upload(form);
      expect(response.status).toBe(303);
      const [plain] = await (
        await getDb()
      )
        .select()
        .from(contactImports)
        .where(eq(contactImports.id, idOf(response)));
      expect(plain!.rosterCouncilId).toBeNull();
    }
  });

  it('takes a generated file of 20,000 rows (3 MB and more) through to the directory', async () => {
    const user = (await actAs('editor'))!;
    const rows = Array.from(
      { length: 20_000 },
      (_, i) =>
        `"Bulk Person ${i}",bulk.${i}@example.org,Bulk Ministry ${i % 40},BM${i % 40},Uzbekistan,"Counsellor, Political Section",ru,+998 71 200 ${String(i).padStart(5, '0')},expert,Nominated by the ministry for the 2024 session`,
    );
    const csv = `Full name,Email,Organisation,Acronym,Country,Position,Language,Phone,Tags,Notes\r\n${rows.join('\r\n')}\r\n`;
    expect(Buffer.byteLength(csv)).toBeGreaterThan(3 * 1024 * 1024);
    const timer = (started = performance.now()) => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    let started = performance.now();
    const response = await upload(fileForm(csv));
    const uploadTime = timer(started);
    expect(response.status).toBe(303);
    const id = response.headers.get('location')!.split('/').pop()!;
    const actor = { ...user, name: null, role: 'editor' as const, timeZone: null };
    const batch = (await getContactImport({ actor, id }))!;
    expect(batch.rows).toHaveLength(20_000);
    started = performance.now();
    const preview = await previewContactImport({ actor, batch });
    const previewTime = timer(started);
    expect(preview.counts).toMatchObject({ create: 20_000, rejected: 0 });
    expect(preview.organisations).toHaveLength(40);

    expect(await startContactImport(actor, id)).toEqual({ ok: true });
    started = performance.now();
    await runContactImport(id);
    console.info(
      `[import 20,000 rows, ${process.env.TEST_DATABASE_KIND}] upload ${uploadTime}, preview ${previewTime}, import ${timer(started)}`,
    );
    expect(await getContactImport({ actor, id })).toMatchObject({
      status: 'done',
      rowsDone: 20_000,
      counts: { create: 20_000 },
    });
    const imported = await (
      await getDb()
    )
      .select({ id: contacts.id })
      .from(contacts)
      .where(like(contacts.email, 'bulk.%@example.org'));
    expect(imported).toHaveLength(20_000);
    const [one] = await (await getDb()).select().from(contacts).where(eq(contacts.email, 'bulk.19999@example.org'));
    expect(one).toMatchObject({
      name: 'Bulk Person 19999',
      country: 'UZ',
      title: 'Counsellor, Political Section',
      phone: '+998 71 200 19999',
      tags: ['expert'],
    });
  }, 300_000);
});

describe('the contacts export', () => {
  it('sends the signed-out to sign in', async () => {
    await actAs(null);
    const response = await exportContacts(new Request('http://localhost/staff/contacts/export'));
    expect(response.status).toBe(307);
  });

  it('is UTF-8 with a byte-order mark, guards formulas, and holds what the filters say', async () => {
    await actAs('editor');
    await createContact({
      name: '=HYPERLINK("http://evil.example","click")',
      email: 'formula.export@example.org',
      phone: '+998 71 000',
      country: 'UZ',
      searchKey: 'formula export',
      sortKey: 'a',
    });
    await createContact({
      name: 'Ержан Ахметов',
      email: 'yerzhan.export@example.org',
      country: 'KZ',
      searchKey: 'erjan ahmetov yerzhan.export',
      sortKey: 'b',
    });
    const response = await exportContacts(new Request('http://localhost/staff/contacts/export?q=export&country=UZ'));
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")",,formula.export@example.org`);
    expect(text).toContain(`'+998 71 000`);
    expect(text).not.toContain('yerzhan.export');
  });
});
