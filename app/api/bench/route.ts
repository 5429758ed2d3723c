import { notFound } from 'next/navigation';

// A route handler that does nothing: the framework's floor, for `npm run bench` (scripts/bench-app.ts). Present only
// when the server is started for the bench (BENCH_ROUTES=1); anywhere else it does not exist.
export const dynamic = 'force-dynamic';

export function GET() {
  if (process.env.BENCH_ROUTES !== '1') notFound();
  return new Response('ok', { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
