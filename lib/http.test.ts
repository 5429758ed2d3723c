import { describe, expect, it } from 'vitest';
import { expectedOrigin, isSameOrigin, requestClient } from './http';
import { SOCKET_ADDRESS_HEADER } from './trust-proxy.mjs';

const http = { hops: 0, authUrl: 'http://localhost:4400' };
const behindProxy = { hops: 1, authUrl: undefined };
const direct = { hops: 0, authUrl: undefined };

describe('the origin check', () => {
  it('compares the Origin with AUTH_URL’s scheme, host and port', () => {
    const headers = (origin: string) => new Headers({ origin, host: 'localhost:4400' });
    expect(isSameOrigin(headers('http://localhost:4400'), http)).toBe(true);
    // The https origin of the same host on an http deployment is another site.
    expect(isSameOrigin(headers('https://localhost:4400'), http)).toBe(false);
    expect(isSameOrigin(headers('http://localhost:4401'), http)).toBe(false);
    expect(isSameOrigin(headers('null'), http)).toBe(false);
    expect(isSameOrigin(headers('not a url'), http)).toBe(false);
  });

  it('never believes X-Forwarded-Host from a client', () => {
    const forged = new Headers({
      origin: 'https://evil.example',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      host: 'localhost:4400',
    });
    expect(isSameOrigin(forged, http)).toBe(false);
    expect(isSameOrigin(forged, direct)).toBe(false);
    expect(expectedOrigin(forged, direct)).toBe('http://localhost:4400');
  });

  it('without AUTH_URL, takes the scheme and host a trusted proxy reports', () => {
    const viaProxy = new Headers({
      origin: 'https://council.example.org',
      'x-forwarded-host': 'council.example.org',
      'x-forwarded-proto': 'https',
      host: 'app:3000',
    });
    expect(expectedOrigin(viaProxy, behindProxy)).toBe('https://council.example.org');
    expect(isSameOrigin(viaProxy, behindProxy)).toBe(true);
    // The client prepended its own values; the proxy appended the real ones.
    const prepended = new Headers({
      origin: 'https://evil.example',
      'x-forwarded-host': 'evil.example, council.example.org',
      'x-forwarded-proto': 'https',
      host: 'app:3000',
    });
    expect(isSameOrigin(prepended, behindProxy)).toBe(false);
  });

  it('accepts a same-origin Referer when the Origin is absent, and nothing else', () => {
    const page = 'http://localhost:4400/d/some-token';
    expect(isSameOrigin(new Headers({ referer: page, host: 'localhost:4400' }), http)).toBe(true);
    expect(isSameOrigin(new Headers({ referer: 'http://localhost:4400/', origin: '' }), http)).toBe(true);
    expect(isSameOrigin(new Headers({ referer: 'https://evil.example/d/x' }), http)).toBe(false);
    expect(isSameOrigin(new Headers({ host: 'localhost:4400' }), http)).toBe(false);
    // An opaque Origin is not a missing one: the Referer does not rescue it.
    expect(isSameOrigin(new Headers({ origin: 'null', referer: page }), http)).toBe(false);
  });
});

describe('the client, for rate limits', () => {
  it('is the socket address the production server set, whatever the client forwards', () => {
    const headers = new Headers({ [SOCKET_ADDRESS_HEADER]: '192.0.2.7', 'x-forwarded-for': '198.51.100.1' });
    expect(requestClient(headers, 0)).toBe('192.0.2.7');
    expect(requestClient(headers, 1)).toBe('198.51.100.1');
  });

  it('is one shared bucket when nothing tells the client apart', () => {
    expect(requestClient(new Headers({ 'x-forwarded-for': '198.51.100.1' }), 0)).toBe('direct');
  });
});
