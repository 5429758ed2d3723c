import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from '@/lib/i18n/routing';

const localeRouting = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  // Staff pages are English only and live outside the locale routing.
  if (request.nextUrl.pathname === '/staff' || request.nextUrl.pathname.startsWith('/staff/')) {
    return NextResponse.next();
  }
  return localeRouting(request);
}

export const config = {
  // Everything but API routes, Next internals and files with an extension (favicon.ico, robots.txt …).
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
