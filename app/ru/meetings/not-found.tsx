import { MeetingNotFound } from '@/app/meetings/meeting-pages';

export default function NotFound() {
  return <MeetingNotFound locale="ru" />;
}
