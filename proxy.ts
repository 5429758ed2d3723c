import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { routing } from '@/lib/i18n/routing';
import { isSameOriginRequest } from '@/lib/http';
import { contentSecurityPolicy } from '@/lib/security-headers';

const localeRouting = createMiddleware(routing);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every page and route handler. It only refuses cross-site writes and sets headers: who may see or
 * change what is decided where data is read and written (db/, lib/actions.ts), never here.
 */
export default function proxy(request: NextRequest) {
  // Server actions and cookie-authenticated route handlers accept writes from this site's own pages only.
  if (!SAFE_METHODS.has(request.method) && !isSameOriginRequest(request)) {
    return new NextResponse('Cross-site request refused: this request must come from a page of this site.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development' });
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);

  const { pathname } = request.nextUrl;
  // Staff pages (English only) and API routes live outside the locale routing.
  const outsideLocales = pathname === '/staff' || pathname.startsWith('/staff/') || pathname.startsWith('/api/');
  const response = outsideLocales
    ? NextResponse.next({ request: { headers: requestHeaders } })
    : localeRouting(new NextRequest(request, { headers: requestHeaders }));
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Everything but Next's static files and files with an extension (favicon.ico, icon.svg …).
  matcher: '/((?!_next/static|_next/image|.*\\..*).*)',
};
