// Response headers for every route. The Content-Security-Policy carries a per-request nonce, so it is set in
// proxy.ts; the rest is static and set in next.config.ts. Tests check them on every discovered route.

/** Pages reached by a personal link carry its token in the URL: no path of theirs may leak through Referer. */
export const TOKEN_PAGE_SOURCES = [
  '/staff/setup/:token*',
  '/staff/sign-in/confirm',
  '/i/:token*',
  '/en/i/:token*',
  '/ru/i/:token*',
  '/d/:token*',
  '/en/d/:token*',
  '/ru/d/:token*',
];

export function contentSecurityPolicy({
  nonce,
  dev,
  formTargets = [],
}: {
  nonce: string;
  dev: boolean;
  /** Other origins a form may lead to: browsers apply form-action to the redirects after a post too. */
  formTargets?: string[];
}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts that a nonced script loads are trusted; nothing inline runs without the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React and Next set style attributes; no script runs from them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ["form-action 'self'", ...formTargets].join(' '),
  ].join('; ');
}

/** The public news and meeting pages, which proxy.ts leaves alone (see its matcher). */
export const NEWS_PAGE_SOURCES = [
  '/news',
  '/news/:path*',
  '/ru/news',
  '/ru/news/:path*',
  '/meetings/:path*',
  '/ru/meetings/:path*',
];

/**
 * The news pages are cached HTML, the same for every visitor, so they cannot carry a per-request nonce: Next's inline
 * bootstrap scripts are allowed by 'unsafe-inline' instead. What makes that safe is that nothing a person typed
 * reaches these pages unsanitised (lib/summary/markdown.ts, for summaries, meetings' objectives and agenda descriptions;
 * everything else is text, escaped by React).
 */
export function newsContentSecurityPolicy({ dev }: { dev: boolean }): string {
  return contentSecurityPolicy({ nonce: '', dev }).replace(
    /script-src [^;]+/,
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
  );
}

/**
 * Strict-Transport-Security is not here: it depends on AUTH_URL, a run-time setting, and these headers are fixed at
 * build time. The production server (scripts/server.mjs) sends it when AUTH_URL is https.
 */
export function staticSecurityHeaders({ production }: { production: boolean }) {
  const everywhere = [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // Never no-referrer: with it, browsers send `Origin: null` on form posts, which the origin check refuses.
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  ];
  return [
    { source: '/:path*', headers: everywhere },
    // Later entries override earlier ones for the same header.
    ...TOKEN_PAGE_SOURCES.map((source) => ({ source, headers: [{ key: 'Referrer-Policy', value: 'strict-origin' }] })),
    // The door's page reads badges' QR codes with the phone's camera; this site's own pages only, nothing embedded.
    {
      source: '/staff/meetings/:id/check-in',
      headers: [
        { key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=(), interest-cohort=()' },
      ],
    },
    ...NEWS_PAGE_SOURCES.map((source) => ({
      source,
      headers: [
        {
          key: 'Content-Security-Policy',
          value: newsContentSecurityPolicy({ dev: !production && process.env.NODE_ENV === 'development' }),
        },
      ],
    })),
  ];
}
