import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { routing } from '@/lib/i18n/routing';
import { clientKey, htmlPage, isSameOriginRequest } from '@/lib/http';
import { badRequest } from '@/lib/request-limits';
import { contentSecurityPolicy } from '@/lib/security-headers';

const localeRouting = createMiddleware(routing);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every page and route handler. It only refuses cross-site writes and sets headers: who may see or
 * change what is decided where data is read and written (db/, services/actions.ts), never here.
 */
export default async function proxy(request: NextRequest) {
  // Input nothing behind this point can take (lib/request-limits.ts): a clear 4xx and one log line, no body in it.
  const refused = badRequest(request);
  if (refused) {
    const { logger } = await import('@/lib/log');
    logger.warn(
      {
        method: request.method,
        path: request.nextUrl.pathname,
        status: refused.response.status,
        reason: refused.reason,
        bytes: refused.bytes,
      },
      'request refused',
    );
    return refused.response;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  // The identity provider's button on the sign-in page posts to the app, which redirects to the provider.
  const oidcIssuer = request.nextUrl.pathname === '/staff/sign-in' ? process.env.OIDC_ISSUER : undefined;
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === 'development',
    formTargets: oidcIssuer && URL.canParse(oidcIssuer) ? [new URL(oidcIssuer).origin] : [],
  });

  // Server actions and cookie-authenticated route handlers accept writes from this site's own pages only.
  if (!SAFE_METHODS.has(request.method) && !isSameOriginRequest(request)) {
    return new NextResponse(
      'Cross-site request refused: this request must come from a page of this site.\nЗапрос с другого сайта отклонён: он должен исходить со страницы этого сайта.',
      {
        status: 403,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': csp },
      },
    );
  }

  // A personal invitation or delegation link that does not work counts against the client, whether the page is
  // opened or one of its actions posted to; past the limit, 429 (db/invitation-gate).
  const invitationLink = request.nextUrl.pathname.match(/^\/(?:(?:en|ru)\/)?[id]\/([^/]+)$/);
  if (invitationLink && request.method !== 'OPTIONS') {
    const { invitationLinkGate } = await import('@/db/invitation-gate');
    const gate = await invitationLinkGate(invitationLink[1]!, clientKey(request));
    if (gate.limited) {
      const minutes = Math.ceil(gate.retryAfterSeconds / 60);
      return htmlPage({
        status: 429,
        title: 'Too many attempts · Слишком много попыток',
        body:
          `<p lang="en">Too many links that do not work were opened from your connection. Please wait ${minutes} minutes and try again.</p>` +
          `<p lang="ru">С Вашего подключения открыто слишком много неработающих ссылок. Подождите ${minutes} мин. и попробуйте снова.</p>`,
        headers: {
          'Retry-After': String(gate.retryAfterSeconds),
          'Referrer-Policy': 'strict-origin',
          'Content-Security-Policy': csp,
        },
      });
    }
  }

  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);

  // Staff pages (English only) and API routes live outside the locale routing.
  const { pathname } = request.nextUrl;
  const outsideLocales = pathname === '/staff' || pathname.startsWith('/staff/') || pathname.startsWith('/api/');
  const response = outsideLocales
    ? NextResponse.next({ request: { headers: requestHeaders } })
    : localeRouting(new NextRequest(request, { headers: requestHeaders }));
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Everything but Next's static files, files with an extension (favicon.ico, icon.svg, the news feeds …) and the
  // public news and meeting pages: those are served from the cache as they are (no per-request nonce, no locale
  // rewrite; their headers come from next.config.ts), which keeps them as fast as a static file. Nor the upload
  // routes: the proxy would buffer their bodies (and cut them at 10 MB); they stream them and make the proxy's checks
  // themselves (services/uploads/multipart.ts).
  matcher:
    '/((?!_next/static|_next/image|news(?:/|$)|ru/news(?:/|$)|meetings/|ru/meetings/|staff/contacts/import/upload$|staff/summaries/[^/]+/photos$|staff/meetings/[^/]+/documents/upload$|.*\\..*).*)',
};
