// Who the client is, and which forwarded headers may be believed: TRUST_PROXY (README, Security).
//
// A load balancer appends the address it got the request from to X-Forwarded-For; whatever the client wrote there
// comes before it. So with N proxies of ours in front of the app, the client is the Nth entry from the right, and
// anything left of it is the client's own writing. Without a proxy (TRUST_PROXY off) every forwarded header is the
// client's own writing and the client is the socket's address, which only the server process sees: scripts/server.mjs
// drops any incoming SOCKET_ADDRESS_HEADER and sets its own before proxy.ts and the app run.
//
// Plain JavaScript because scripts/server.mjs runs it before Next (no TypeScript compiler in production).
// Types: trust-proxy.d.mts.

/** The request header scripts/server.mjs sets to the socket's address (any incoming one is dropped first). */
export const SOCKET_ADDRESS_HEADER = 'x-council-socket-address';

/** Headers only a trusted proxy may set: without one, they are dropped before anything reads them. */
export const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'];

/** More hops than any sane chain of proxies: a larger number is a mistake, not a setup. */
const MAX_HOPS = 10;

/**
 * TRUST_PROXY: how many proxies of ours stand in front of the app (0 = none, the default).
 * @param {string | undefined} value
 * @returns {{ hops: number } | { error: string }}
 */
export function parseTrustProxy(value) {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || text === 'off' || text === 'false') return { hops: 0 };
  if (/^[0-9]{1,2}$/.test(text) && Number(text) <= MAX_HOPS) return { hops: Number(text) };
  return {
    error:
      `must be the number of proxies in front of the app (1 behind one load balancer or nginx, 0 or off for none), ` +
      `at most ${MAX_HOPS}, not "${value}"`,
  };
}

/**
 * The entry of a comma-separated forwarded header that our outermost proxy wrote: the `hops`-th from the right, or
 * the left-most when the chain is shorter (the request skipped a proxy; nothing to its left is more trustworthy).
 * @param {string | null | undefined} header
 * @param {number} hops
 * @returns {string | undefined}
 */
export function forwardedEntry(header, hops) {
  if (hops < 1 || !header) return undefined;
  const entries = header
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - hops)];
}

/**
 * The client's address: the socket's without a trusted proxy, else the address our outermost proxy saw.
 * @param {{ socketAddress: string | null | undefined, forwardedFor: string | null | undefined, hops: number }} request
 * @returns {string | undefined}
 */
export function clientAddress({ socketAddress, forwardedFor, hops }) {
  return (hops > 0 ? forwardedEntry(forwardedFor, hops) : undefined) ?? socketAddress ?? undefined;
}

/**
 * What scripts/server.mjs does to every request before Next sees it: the socket address in a header of its own that
 * no client can write, and forwarded headers dropped unless a proxy of ours wrote them.
 * @param {import('node:http').IncomingHttpHeaders} headers (changed in place)
 * @param {{ socketAddress: string | undefined, hops: number }} settings
 */
export function prepareIncomingHeaders(headers, { socketAddress, hops }) {
  delete headers[SOCKET_ADDRESS_HEADER];
  if (socketAddress) headers[SOCKET_ADDRESS_HEADER] = socketAddress;
  if (hops === 0) for (const name of FORWARDED_HEADERS) delete headers[name];
}

/**
 * Strict-Transport-Security only where the public address is https: sent on plain http it means nothing to browsers
 * and tells a reader the site is served over TLS when it is not.
 * @param {string | undefined} authUrl
 * @returns {string | undefined}
 */
export function strictTransportSecurity(authUrl) {
  return authUrl?.trim().toLowerCase().startsWith('https:') ? 'max-age=63072000; includeSubDomains' : undefined;
}
