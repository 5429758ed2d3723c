// A route handler that does nothing: the framework's floor, for `npm run bench` (scripts/bench-app.ts). A .bench.ts
// file is a route only in the bench's own build (next.config.ts): the production build has no such route.
export const dynamic = 'force-dynamic';

export function GET() {
  return new Response('ok', { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
