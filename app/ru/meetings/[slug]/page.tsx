import { MeetingPage, meetingMetadata } from '@/app/meetings/meeting-pages';

// Served from the cache like the news pages; dropped when staff change the meeting (lib/public-meeting-cache.ts),
// regenerated at most every 60 s otherwise.
export const revalidate = 60;
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: PageProps<'/ru/meetings/[slug]'>) {
  return meetingMetadata('ru', (await params).slug);
}

export default async function PublicMeetingPage({ params }: PageProps<'/ru/meetings/[slug]'>) {
  return <MeetingPage locale="ru" slug={(await params).slug} />;
}
