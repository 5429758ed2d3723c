import type { NextRequest } from 'next/server';
import { handlers } from '@/services/auth';

const notFound = () => new Response('Not found', { status: 404 });

export function GET(request: NextRequest) {
  // Auth.js's own sign-out page is unbranded and English only; staff sign out with the button on every staff page.
  if (request.nextUrl.pathname.startsWith('/api/auth/signout')) return notFound();
  return handlers.GET(request);
}

export function POST(request: NextRequest) {
  // Requests for a sign-in link go through /staff/sign-in/request, which rate-limits them; Auth.js's own endpoint
  // for that would be a way around the limit.
  if (request.nextUrl.pathname.startsWith('/api/auth/signin')) return notFound();
  return handlers.POST(request);
}
