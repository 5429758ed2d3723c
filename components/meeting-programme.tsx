import { getTranslations } from 'next-intl/server';
import { formatDate, formatTime, zoneLabel, type Locale } from '@/lib/datetime';
import {
  peopleInRole,
  personAffiliation,
  personName,
  programmeDays,
  roomName,
  type ProgrammeItem,
} from '@/lib/programme';
import { renderMarkdown } from '@/lib/summary/markdown';

/**
 * A meeting's published programme, the same on the public meeting page and a delegate's invitation page: by day,
 * each day's items by time (venue time, zone named), with rooms, descriptions (sanitised Markdown), and speakers and
 * moderators in the order staff set, in the page's script with their position and organisation. No client code.
 */
export async function MeetingProgramme({
  items,
  timeZone,
  locale,
  headingLevel = 2,
}: {
  items: ProgrammeItem[];
  timeZone: string;
  locale: Locale;
  headingLevel?: 2 | 3;
}) {
  const t = await getTranslations({ locale, namespace: 'Programme' });
  const Heading = `h${headingLevel}` as const;
  const DayHeading = `h${headingLevel + 1}` as 'h3' | 'h4';
  const days = programmeDays(items, timeZone);
  const ru = locale === 'ru';
  return (
    <section aria-labelledby="programme" className="mt-8">
      <Heading id="programme" className="text-xl font-semibold">
        {t('heading')}
      </Heading>
      {days.length === 0 ? (
        <p className="mt-2 text-slate-700">{t('empty')}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">{zoneLabel(items[0]!.startsAt, timeZone, locale)}</p>
          {days.map(({ day, items: dayItems }) => (
            <section key={day} aria-labelledby={`day-${day}`} className="mt-4">
              <DayHeading id={`day-${day}`} className="font-semibold">
                {formatDate(dayItems[0]!.startsAt, timeZone, locale)}
              </DayHeading>
              <ol className="mt-2 divide-y divide-slate-200 border-y border-slate-200">
                {dayItems.map((item) => {
                  const room = roomName(item, locale);
                  const description = ru ? item.descriptionRu || item.descriptionEn : item.descriptionEn;
                  return (
                    <li key={item.id} className="grid gap-x-4 py-3 sm:grid-cols-[7rem_1fr]">
                      <p className="font-medium tabular-nums">
                        <time dateTime={item.startsAt.toISOString()}>
                          {formatTime(item.startsAt, timeZone, locale)}
                        </time>
                        –<time dateTime={item.endsAt.toISOString()}>{formatTime(item.endsAt, timeZone, locale)}</time>
                      </p>
                      <div>
                        <p className="font-semibold">
                          {ru ? item.titleRu : item.titleEn}
                          {item.kind === 'side_meeting' && (
                            <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-sm font-medium text-brand-900">
                              {t('sideEvent')}
                            </span>
                          )}
                        </p>
                        {room && <p className="text-sm text-slate-700">{t('room', { room })}</p>}
                        {description && (
                          <div
                            className="programme-description mt-1 space-y-2"
                            dangerouslySetInnerHTML={{ __html: renderMarkdown(description) }}
                          />
                        )}
                        {(['moderator', 'speaker'] as const).map((role) => {
                          const people = peopleInRole(item, role);
                          if (people.length === 0) return null;
                          return (
                            <div key={role} className="mt-2">
                              <p id={`${item.id}-${role}`} className="text-sm font-medium">
                                {t(role)}
                              </p>
                              <ol aria-labelledby={`${item.id}-${role}`} className="text-sm">
                                {people.map((person, index) => {
                                  const affiliation = personAffiliation(person, locale);
                                  return (
                                    <li key={index}>
                                      {personName(person, locale)}
                                      {affiliation && <span className="text-slate-700">, {affiliation}</span>}
                                    </li>
                                  );
                                })}
                              </ol>
                            </div>
                          );
                        })}
                      </div>
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
