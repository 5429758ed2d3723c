import { getTranslations } from 'next-intl/server';
import type { ReleasedListEntry } from '@/components/meeting-documents-list';
import { currentReleasedParticipantList } from '@/db/participant-list';
import { formatDateTime } from '@/lib/datetime';
import { getPathname } from '@/lib/i18n/navigation';

/**
 * The list of participants staff released, as the registered delegate's documents list shows it (a document of that
 * type): in their language, the other language beside it. Null before the first release.
 */
export async function releasedParticipantList({
  token,
  meetingId,
  timeZone,
  locale,
}: {
  token: string;
  meetingId: string;
  timeZone: string;
  locale: 'en' | 'ru';
}): Promise<ReleasedListEntry | null> {
  const release = await currentReleasedParticipantList(meetingId);
  if (!release) return null;
  const t = await getTranslations({ locale, namespace: 'ParticipantList' });
  const other = locale === 'ru' ? 'en' : 'ru';
  const href = (language: 'en' | 'ru') => getPathname({ href: `/i/${token}/participants/${language}/pdf`, locale });
  return {
    href: href(locale),
    otherHref: href(other),
    otherLabel: t('otherLanguage'),
    note: t(release.basis === 'attended' ? 'attended' : 'registered', {
      date: formatDateTime(release.releasedAt, timeZone, locale),
    }),
  };
}
