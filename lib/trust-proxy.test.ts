import { describe, expect, it } from 'vitest';
import {
  clientAddress,
  forwardedEntry,
  parseTrustProxy,
  prepareIncomingHeaders,
  SOCKET_ADDRESS_HEADER,
  strictTransportSecurity,
} from './trust-proxy.mjs';

describe('TRUST_PROXY', () => {
  it('is off unless a number of proxies is given', () => {
    for (const off of [undefined, '', ' ', 'off', 'OFF', 'false', '0'])
      expect(parseTrustProxy(off)).toEqual({ hops: 0 });
    expect(parseTrustProxy('1')).toEqual({ hops: 1 });
    expect(parseTrustProxy(' 2 ')).toEqual({ hops: 2 });
  });

  it('refuses anything else, saying what it takes', () => {
    for (const bad of ['true', 'yes', '-1', '1.5', '11', 'loopback', '10.0.0.0/8']) {
      const parsed = parseTrustProxy(bad);
      expect(parsed, bad).toHaveProperty('error');
      expect('error' in parsed && parsed.error).toContain(`not "${bad}"`);
    }
  });
});

describe('the client address', () => {
  const socketAddress = '10.0.0.5';

  it('is the socket’s without a trusted proxy, whatever X-Forwarded-For says', () => {
    for (const forwardedFor of [undefined, '203.0.113.9', '198.51.100.1, 203.0.113.9']) {
      expect(clientAddress({ socketAddress, forwardedFor, hops: 0 })).toBe(socketAddress);
    }
  });

  it('is the entry our outermost proxy wrote: the Nth from the right', () => {
    // One load balancer: it appended the address it saw; the client wrote the rest.
    expect(clientAddress({ socketAddress, forwardedFor: 'forged-1, forged-2, 203.0.113.9', hops: 1 })).toBe(
      '203.0.113.9',
    );
    // A load balancer and an nginx: the nginx appended the load balancer's address last.
    expect(clientAddress({ socketAddress, forwardedFor: 'forged, 203.0.113.9, 10.0.0.2', hops: 2 })).toBe(
      '203.0.113.9',
    );
  });

  it('does not move with a client rotating the header', () => {
    const seen = new Set(
      Array.from({ length: 25 }, (_, i) =>
        clientAddress({ socketAddress, forwardedFor: `198.51.100.${i}, 203.0.113.9`, hops: 1 }),
      ),
    );
    expect([...seen]).toEqual(['203.0.113.9']);
  });

  it('falls back to the left-most entry on a shorter chain, and to the socket without the header', () => {
    expect(forwardedEntry('203.0.113.9', 2)).toBe('203.0.113.9');
    expect(clientAddress({ socketAddress, forwardedFor: undefined, hops: 1 })).toBe(socketAddress);
    expect(clientAddress({ socketAddress, forwardedFor: ' , ', hops: 1 })).toBe(socketAddress);
  });
});

describe('the production server’s incoming headers', () => {
  it('replace a client’s own socket-address header and drop forwarded headers when no proxy is trusted', () => {
    const headers = {
      [SOCKET_ADDRESS_HEADER]: '203.0.113.66',
      'x-forwarded-for': '203.0.113.66',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      'x-forwarded-port': '443',
      host: 'localhost:3000',
    };
    prepareIncomingHeaders(headers, { socketAddress: '127.0.0.1', hops: 0 });
    expect(headers).toEqual({ [SOCKET_ADDRESS_HEADER]: '127.0.0.1', host: 'localhost:3000' });
  });

  it('keep forwarded headers for a trusted proxy to report', () => {
    const headers = { [SOCKET_ADDRESS_HEADER]: 'forged', 'x-forwarded-for': '203.0.113.9', host: 'council.example' };
    prepareIncomingHeaders(headers, { socketAddress: '10.0.0.2', hops: 1 });
    expect(headers).toEqual({
      [SOCKET_ADDRESS_HEADER]: '10.0.0.2',
      'x-forwarded-for': '203.0.113.9',
      host: 'council.example',
    });
  });
});

describe('Strict-Transport-Security', () => {
  it('is sent only when the public address is https', () => {
    expect(strictTransportSecurity('https://council.example.org')).toMatch(/^max-age=\d{7,}/);
    expect(strictTransportSecurity('http://localhost:3000')).toBeUndefined();
    expect(strictTransportSecurity(undefined)).toBeUndefined();
  });
});
