import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { createContact } from '@/test/factories';
import { actAs } from '@/test/session';
import { GET } from './route';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));

const download = (id: string) =>
  GET(new Request(`http://localhost/staff/contacts/${id}/data`), { params: Promise.resolve({ id }) });

async function person() {
  return createContact({
    name: 'Дилноза Каримова',
    nameLatin: 'Dilnoza Karimova',
    phone: '+998 71 222 33 44',
    country: 'UZ',
  });
}

const exportsOf = async (id: string) =>
  (await getDb())
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'contact.data_exported')));

describe('a contact’s data as JSON', () => {
  it('sends the signed-out to sign in, and refuses viewers and editors, logging no export', async () => {
    const { id } = await person();
    await actAs(null);
    const signedOut = await download(id);
    expect(signedOut.status).toBe(307);
    expect(signedOut.headers.get('location')).toBe(
      `/staff/sign-in?${new URLSearchParams({ callbackUrl: `/staff/contacts/${id}` })}`,
    );
    for (const role of ['viewer', 'editor'] as const) {
      await actAs(role);
      const refused = await download(id);
      expect(refused.status, role).toBe(403);
      expect(await refused.text(), role).toContain('You cannot open this page');
    }
    // Below admin, a malformed id is refused as well: nothing tells them which ids exist.
    await actAs('editor');
    expect((await download('not-an-id')).status).toBe(403);
    expect(await exportsOf(id)).toEqual([]);
  });

  it('answers 404 to an admin for an id that is malformed or names no one', async () => {
    await actAs('admin');
    expect((await download('not-an-id')).status).toBe(404);
    expect((await download(crypto.randomUUID())).status).toBe(404);
  });

  it('gives an admin the person’s data as a JSON download, and logs the export', async () => {
    const contact = await person();
    const admin = (await actAs('admin'))!;
    const response = await download(contact.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="personal-data-${contact.id}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const data = await response.json();
    expect(data.contact).toMatchObject({ id: contact.id, email: contact.email, phone: '+998 71 222 33 44' });
    expect(data.contact).not.toHaveProperty('searchKey');
    const logged = await exportsOf(contact.id);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.actorEmail).toBe(admin.email);
  });
});
