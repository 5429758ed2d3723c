import type { NextRequest } from 'next/server';
import { handlers } from '@/services/auth';

export const { GET } = handlers;

export function POST(request: NextRequest) {
  // Requests for a sign-in link go through /staff/sign-in/request, which rate-limits them; Auth.js's own endpoint
  // for that would be a way around the limit.
  if (request.nextUrl.pathname.startsWith('/api/auth/signin')) {
    return new Response('Not found', { status: 404 });
  }
  return handlers.POST(request);
}
