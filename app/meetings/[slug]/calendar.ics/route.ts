import { calendarResponse } from '@/app/meetings/meeting-pages';

// Cached like the page it belongs to (lib/public-meeting-cache.ts).
export const revalidate = 60;
export const generateStaticParams = () => [];

export async function GET(_request: Request, { params }: RouteContext<'/meetings/[slug]/calendar.ics'>) {
  return calendarResponse('en', (await params).slug);
}
