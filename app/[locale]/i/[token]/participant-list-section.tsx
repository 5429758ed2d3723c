import { getTranslations } from 'next-intl/server';
import { currentReleasedParticipantList } from '@/db/participant-list';
import { formatDateTime } from '@/lib/datetime';
import { getPathname } from '@/lib/i18n/navigation';

/**
 * The list of participants staff released, for a registered delegate: in their language, the other language beside
 * it. Renders nothing before the first release.
 */
export async function ParticipantListSection({
  token,
  meetingId,
  timeZone,
  locale,
}: {
  token: string;
  meetingId: string;
  timeZone: string;
  locale: 'en' | 'ru';
}) {
  const release = await currentReleasedParticipantList(meetingId);
  if (!release) return null;
  const t = await getTranslations({ locale, namespace: 'ParticipantList' });
  const other = locale === 'ru' ? 'en' : 'ru';
  const href = (language: 'en' | 'ru', format: 'pdf' | 'docx') =>
    getPathname({ href: `/i/${token}/participants/${language}/${format}`, locale });
  return (
    <section aria-labelledby="participant-list" className="mt-6">
      <h2 id="participant-list" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="mt-1">
        {t(release.basis === 'attended' ? 'attended' : 'registered', {
          date: formatDateTime(release.releasedAt, timeZone, locale),
        })}
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
        <li>
          <a href={href(locale, 'pdf')} download>
            {t('pdf')}
          </a>
        </li>
        <li>
          <a href={href(other, 'pdf')} download hrefLang={other}>
            {t('otherLanguage')}
          </a>
        </li>
      </ul>
    </section>
  );
}
