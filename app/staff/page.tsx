import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { connection } from 'next/server';
import { getDashboard, type Dashboard, type MeetingFigures } from '@/db/dashboard';
import { listStaffMeetings, type MeetingListItem } from '@/db/meetings';
import { requireSignedInPage } from '@/services/auth/staff';
import { countryName } from '@/lib/countries';
import { MeetingWhen } from '@/components/meeting-when';
import { buttonClass, Card, DataTable, PageHeader, Td, Tr } from '@/components/ui';
import { formatDateTime } from '@/lib/datetime';
import { roleAtLeast } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function StaffDashboard() {
  await connection();
  const staff = await requireSignedInPage('/staff');
  const [{ past }, dashboard] = await Promise.all([
    listStaffMeetings({ actor: staff }),
    getDashboard({ actor: staff }),
  ]);
  return (
    <>
      <PageHeader
        title="Dashboard"
        actions={
          roleAtLeast(staff.role, 'editor') && (
            <Link href="/staff/meetings/new" className={buttonClass()}>
              New meeting
            </Link>
          )
        }
      />
      <UpcomingMeetings meetings={dashboard.meetings} readerZone={staff.timeZone} />
      <ReviewSection items={dashboard.toReview} readerZone={staff.timeZone} />
      <ImportsSection imports={dashboard.imports} readerZone={staff.timeZone} />
      <MeetingTable
        id="past"
        caption="Past meetings"
        empty="No past meetings."
        meetings={past}
        readerZone={staff.timeZone}
      />
    </>
  );
}

async function MeetingTable({
  id,
  caption,
  empty,
  meetings,
  readerZone,
}: {
  id: string;
  caption: string;
  empty: string;
  meetings: MeetingListItem[];
  readerZone: string | null;
}) {
  const t = await getTranslations({ locale: 'en', namespace: 'Meeting' });
  return (
    <section aria-labelledby={id} className="mt-6">
      <h2 id={id} className="text-lg font-semibold">
        {caption}
      </h2>
      {meetings.length === 0 ? (
        <p className="mt-2 text-slate-700">{empty}</p>
      ) : (
        <DataTable label={`${caption} table`} columns={['Meeting', 'When (venue time)', 'Where', 'Status']}>
          {meetings.map((meeting) => (
            <Tr key={meeting.id}>
              <Td>
                <Link href={`/staff/meetings/${meeting.id}`} className="font-medium">
                  {meeting.titleEn}
                </Link>
                <div className="text-slate-700">{t(`kind.${meeting.kind}`)}</div>
              </Td>
              <Td>
                <MeetingWhen
                  startsAt={meeting.startsAt}
                  endsAt={meeting.endsAt}
                  timeZone={meeting.timeZone}
                  readerZone={readerZone}
                />
              </Td>
              <Td>
                {meeting.format === 'online'
                  ? 'Online'
                  : [meeting.cityEn, meeting.country && countryName(meeting.country, 'en')].filter(Boolean).join(', ')}
                {meeting.format === 'hybrid' && ' (hybrid)'}
              </Td>
              <Td>{t(`status.${meeting.status}`)}</Td>
            </Tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One figure: a link to the list behind it, its words read with the number ("12 unanswered", not "12"). */
function Figure({ href, children, tone }: { href: string; children: string; tone?: 'warning' }) {
  return (
    <li>
      <Link
        href={href}
        className={`block rounded-md border px-3 py-2 ${tone === 'warning' ? 'border-warning-300 bg-warning-50 font-semibold' : 'border-slate-200 bg-white'}`}
      >
        {children}
      </Link>
    </li>
  );
}

function deadlineText(deadline: MeetingFigures['deadline'], timeZone: string) {
  if (deadline === null) return 'No registration deadline';
  if (deadline === 'closed') return 'Registration closed';
  const when = formatDateTime(deadline.at, timeZone, 'en');
  if (deadline.daysLeft === 0) return `Registration closes today (${when})`;
  return `${plural(deadline.daysLeft, 'day')} to the registration deadline (${when})`;
}

async function UpcomingMeetings({ meetings, readerZone }: { meetings: MeetingFigures[]; readerZone: string | null }) {
  const t = await getTranslations({ locale: 'en', namespace: 'Meeting' });
  return (
    <section aria-labelledby="upcoming" className="mt-6">
      <h2 id="upcoming" className="text-lg font-semibold">
        Upcoming meetings
      </h2>
      {meetings.length === 0 ? (
        <p className="mt-2 text-slate-700">No upcoming meetings.</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {meetings.map((m) => {
            const invitations = `/staff/meetings/${m.id}/invitations`;
            const participants = `/staff/meetings/${m.id}/participants`;
            return (
              <Card as="li" key={m.id} aria-labelledby={`meeting-${m.id}`}>
                <h3 id={`meeting-${m.id}`} className="font-semibold">
                  <Link href={`/staff/meetings/${m.id}`}>{m.titleEn}</Link>
                </h3>
                <p className="text-sm text-slate-700">
                  {t(`kind.${m.kind}`)} ·{' '}
                  <MeetingWhen startsAt={m.startsAt} endsAt={m.endsAt} timeZone={m.timeZone} readerZone={readerZone} />{' '}
                  ·{' '}
                  {m.format === 'online'
                    ? 'Online'
                    : [m.cityEn, m.country && countryName(m.country, 'en')].filter(Boolean).join(', ')}
                  {m.format === 'hybrid' && ' (hybrid)'} · {t(`status.${m.status}`)}
                </p>
                <ul
                  aria-label={`Figures for ${m.titleEn}`}
                  className="mt-2 grid gap-2 text-sm sm:grid-cols-3 lg:grid-cols-4"
                >
                  <Figure href={invitations}>{`${m.invited.toLocaleString('en')} invited`}</Figure>
                  <Figure
                    href={`${invitations}?answer=answered`}
                  >{`${m.answered.toLocaleString('en')} answered`}</Figure>
                  <Figure href={`${invitations}?answer=no_answer`} tone={m.unanswered ? 'warning' : undefined}>
                    {`${m.unanswered.toLocaleString('en')} unanswered`}
                  </Figure>
                  <Figure
                    href={`${participants}?status=registered`}
                  >{`${m.registered.toLocaleString('en')} registered`}</Figure>
                  <Figure
                    href={`${participants}?status=waitlisted`}
                  >{`${m.waiting.toLocaleString('en')} waiting`}</Figure>
                  <Figure href={participants}>
                    {m.seatsLeft === null ? 'No seat limit' : `${plural(m.seatsLeft, 'seat')} left`}
                  </Figure>
                  <Figure href={`/staff/meetings/${m.id}`}>{deadlineText(m.deadline, m.timeZone)}</Figure>
                  <Figure href={`${invitations}?delivery=failed`} tone={m.failedEmails ? 'warning' : undefined}>
                    {`${plural(m.failedEmails, 'failed email')}`}
                  </Figure>
                </ul>
              </Card>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function ReviewSection({ items, readerZone }: { items: Dashboard['toReview']; readerZone: string | null }) {
  if (items === null) return null;
  return (
    <section aria-labelledby="to-review" className="mt-6">
      <h2 id="to-review" className="text-lg font-semibold">
        Summaries waiting for your review
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-slate-700">None.</p>
      ) : (
        <>
          <p className="mt-1 text-sm">
            <Link href="/staff/summaries?status=in_review">
              {plural(items.length, 'summary', 'summaries')} in review
            </Link>
          </p>
          <ul className="mt-2 list-disc pl-6">
            {items.map((s) => (
              <li key={s.id}>
                <Link href={`/staff/summaries/${s.id}`}>{s.headlineEn || '(no headline yet)'}</Link>{' '}
                <span className="text-sm text-slate-700">
                  · {s.meetingTitle}
                  {s.submittedAt && ` · submitted ${formatDateTime(s.submittedAt, readerZone ?? 'UTC', 'en')}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ImportsSection({ imports, readerZone }: { imports: Dashboard['imports']; readerZone: string | null }) {
  if (imports === null || imports.length === 0) return null;
  return (
    <section aria-labelledby="imports" className="mt-6">
      <h2 id="imports" className="text-lg font-semibold">
        Contact imports in progress
      </h2>
      <ul className="mt-2 list-disc pl-6">
        {imports.map((i) => (
          <li key={i.id}>
            <Link href={`/staff/contacts/import/${i.id}`}>{i.fileName}</Link>{' '}
            <span className="text-sm text-slate-700">
              ·{' '}
              {i.status === 'applying'
                ? `importing, ${i.rowsDone.toLocaleString('en')} of ${plural(i.rows, 'row')} done`
                : `${plural(i.rows, 'row')} waiting for confirmation`}{' '}
              · started by {i.startedBy ?? 'a former staff member'} on{' '}
              {formatDateTime(i.createdAt, readerZone ?? 'UTC', 'en')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
