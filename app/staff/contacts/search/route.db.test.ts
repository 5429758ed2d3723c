import { describe, expect, it, vi } from 'vitest';
import { contactKeys } from '@/db/directory-keys';
import { createContact } from '@/test/factories';
import { actAs } from '@/test/session';
import { GET } from './route';

vi.mock('@/services/auth', () => import('@/test/session').then((m) => m.authModule));
vi.mock('@/services/auth/session-cookie', () => import('@/test/session').then((m) => m.sessionCookieModule));

const search = (q: string) => GET(new Request(`http://localhost/staff/contacts/search?${new URLSearchParams({ q })}`));

describe('the people picker’s search', () => {
  it('sends the signed-out to sign in', async () => {
    await actAs(null);
    const response = await search('karimova');
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toContain('/staff/sign-in');
  });

  it('gives a viewer the matches in either script as JSON, without their emails', async () => {
    const values = { name: 'Дилноза Каримова', nameLatin: 'Dilnoza Karimova', email: 'd.karimova.picker@example.org' };
    const contact = await createContact({ ...values, country: 'UZ', ...contactKeys(values) });
    await actAs('viewer');
    for (const q of ['Karimova', 'Каримова', 'dilnoza kar']) {
      const response = await search(q);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store, no-transform');
      const { results } = (await response.json()) as { results: Record<string, unknown>[] };
      expect(results, q).toContainEqual({
        id: contact.id,
        name: 'Дилноза Каримова',
        nameLatin: 'Dilnoza Karimova',
        organisation: null,
        country: 'UZ',
      });
    }
    expect(await (await search('')).json()).toEqual({ results: [] });
  });
});
