import { env } from './env';
import { clientAddress, forwardedEntry, SOCKET_ADDRESS_HEADER } from './trust-proxy.mjs';

/** What decides who the client is and where this site lives: TRUST_PROXY and AUTH_URL (lib/env.ts). */
export type ProxySettings = { hops: number; authUrl: string | undefined };

const proxySettings = (): ProxySettings => ({ hops: env().TRUST_PROXY, authUrl: env().AUTH_URL });

const originOf = (url: string | null | undefined): string | undefined => {
  if (!url || url === 'null') return undefined;
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
};

/**
 * This site's origin as the browser sees it: AUTH_URL's scheme, host and port when set; else what our trusted
 * proxies report (X-Forwarded-Proto/-Host, TRUST_PROXY); else plain http on the Host header, as the production server
 * speaks. X-Forwarded-* from a client we do not trust are never read.
 */
export function expectedOrigin(headers: Headers, { hops, authUrl }: ProxySettings): string | undefined {
  if (authUrl) return originOf(authUrl);
  const host = forwardedEntry(headers.get('x-forwarded-host'), hops) ?? headers.get('host');
  const scheme = forwardedEntry(headers.get('x-forwarded-proto'), hops) ?? 'http';
  return host && /^https?$/i.test(scheme) ? originOf(`${scheme}://${host}`) : undefined;
}

/**
 * Whether a state-changing request comes from a page of this site: its Origin is this site's; without an Origin
 * (text browsers, some privacy settings), its Referer is. Neither, or a foreign one, is refused.
 */
export function isSameOrigin(headers: Headers, settings: ProxySettings): boolean {
  const expected = expectedOrigin(headers, settings);
  if (!expected) return false;
  const origin = headers.get('origin');
  // `Origin: null` is an opaque origin (a sandboxed frame, a data: page …), not a missing header.
  if (origin !== null && origin.trim() !== '') return originOf(origin) === expected;
  return originOf(headers.get('referer')) === expected;
}

export function isSameOriginRequest(request: Request): boolean {
  return isSameOrigin(request.headers, proxySettings());
}

/**
 * The client, for rate limits: its address as the production server saw the socket, or as our outermost trusted
 * proxy saw it (TRUST_PROXY). Never a header the client writes itself. Without the production server (next dev)
 * every client shares one bucket.
 */
export function requestClient(headers: Headers, hops: number): string {
  return (
    clientAddress({
      socketAddress: headers.get(SOCKET_ADDRESS_HEADER),
      forwardedFor: headers.get('x-forwarded-for'),
      hops,
    }) ?? 'direct'
  );
}

export function clientKey(request: Request): string {
  return requestClient(request.headers, proxySettings().hops);
}

export function htmlPage({
  status,
  title,
  body,
  headers = {},
}: {
  status: number;
  title: string;
  body: string;
  headers?: Record<string, string>;
}) {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Council Desk</title>` +
      `<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#0f172a;line-height:1.5}a{color:#0b5394}</style></head>` +
      `<body><main><h1>${title}</h1>${body}</main></body></html>`,
    { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers } },
  );
}

/** A CSV download named like `contacts-2026-11-27.csv`. */
export function csvResponse(csv: string, name: string): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}

/** The answer of a staff route handler (export, progress) asked without a session (sign in, then come back) or without the role. */
export function refusedStaffRoute(error: { reason: 'unauthenticated' | 'forbidden' }, returnTo: string): Response {
  if (error.reason === 'unauthenticated') {
    return new Response(null, {
      status: 307,
      headers: { Location: `/staff/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}` },
    });
  }
  return htmlPage({ status: 403, title: 'You cannot open this page', body: '<p>Ask an admin if you need access.</p>' });
}

/**
 * Cache-Control for the JSON answers a staff page fetches as one types (the pickers, the door's search): never
 * stored, and not compressed (`no-transform` makes Next's compression pass them by): a few kilobytes, for which a
 * fresh zlib stream per answer cost more server time (~0.5 ms, a fifth of the search's) than the bytes it saved.
 */
export const TYPE_AHEAD_CACHE_CONTROL = 'private, no-store, no-transform';
