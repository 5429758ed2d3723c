import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT_BYTES, badRequest } from './request-limits';

const request = (url: string, method = 'GET', headers: Record<string, string> = {}) => {
  const parsed = new URL(url, 'http://localhost');
  return { method, headers: new Headers(headers), nextUrl: { pathname: parsed.pathname, search: parsed.search } };
};

describe('requests refused up front', () => {
  it('refuses a NUL byte in the address with 400, in the page’s language', async () => {
    const english = badRequest(request('/staff/contacts?q=a%00b'));
    expect(english?.response.status).toBe(400);
    expect(await english!.response.text()).toContain('a NUL byte, %00');
    expect(await badRequest(request('/ru/i/x?q=%00'))!.response.text()).toContain('нулевой байт');
    expect(badRequest(request('/staff/contacts?q=a%2500b'))).toBeNull();
  });

  it('refuses a server action body over the limit with 413, by its declared length', () => {
    const action = (bytes: number) =>
      badRequest(request('/staff/contacts', 'POST', { 'next-action': 'abc', 'content-length': String(bytes) }));
    expect(action(ACTION_BODY_LIMIT_BYTES)).toBeNull();
    expect(action(ACTION_BODY_LIMIT_BYTES + 1)).toMatchObject({
      reason: 'actionBodyTooLarge',
      response: { status: 413 },
    });
    // A form posted without JavaScript carries the action's id in its body only.
    const noScript = (type: string) =>
      badRequest(
        request('/ru/i/token', 'POST', { 'content-type': type, 'content-length': String(ACTION_BODY_LIMIT_BYTES + 1) }),
      );
    expect(noScript('multipart/form-data; boundary=x')).toMatchObject({ response: { status: 413 } });
    expect(noScript('application/x-www-form-urlencoded')).toMatchObject({ response: { status: 413 } });
    // Route handlers (uploads) set their own limits.
    expect(
      badRequest(request('/staff/contacts/import/upload', 'POST', { 'content-length': String(12 * 1024 * 1024) })),
    ).toBeNull();
  });
});
