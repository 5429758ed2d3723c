import { MeetingPage, meetingMetadata } from '@/app/meetings/meeting-pages';

// Served from the cache like the news pages; dropped when staff change the meeting (lib/public-meeting-cache.ts),
// regenerated at most every 60 s otherwise.
export const revalidate = 60;
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: PageProps<'/meetings/[slug]'>) {
  return meetingMetadata('en', (await params).slug);
}

export default async function PublicMeetingPage({ params }: PageProps<'/meetings/[slug]'>) {
  return <MeetingPage locale="en" slug={(await params).slug} />;
}
