/** Whether a state-changing request comes from a page of this site (the Origin header names this host). */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || origin === 'null' || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The client, for rate limits: the first X-Forwarded-For address (set by the load balancer in production), else one
 * shared bucket for direct connections. Per-address limits hold even if a client forges the header.
 */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'direct';
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
