import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { CapturedMailNotice } from '@/components/captured-mail-notice';
import { FormRow, inputClass } from '@/components/field';
import { MAIL_STATUS_LABELS, MailStatus } from '@/components/mail-status';
import { Button, DataTable, PageHeader, Td, Tr } from '@/components/ui';
import { listMail } from '@/db/mail';
import { OUTBOX_STATUSES, type OutboxStatus } from '@/lib/domain';
import { requireSignedInPage } from '@/services/auth/staff';
import { formatDateTime } from '@/lib/datetime';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Mail' };

const PAGE_SIZE = 50;
const STAFF_ZONE = 'UTC';

export default async function MailPage({ searchParams }: PageProps<'/staff/mail'>) {
  await connection();
  const me = await requireSignedInPage('/staff/mail');
  const params = await searchParams;
  const status = OUTBOX_STATUSES.find((s): s is OutboxStatus => s === params.status);
  const search = typeof params.q === 'string' ? params.q.trim().slice(0, 200) : '';
  const page = Math.max(1, Number.parseInt(typeof params.page === 'string' ? params.page : '1', 10) || 1);
  const { items, total, byStatus } = await listMail({
    actor: me,
    status,
    search: search || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageLink = (n: number) =>
    `/staff/mail?${new URLSearchParams({ ...(status ? { status } : {}), ...(search ? { q: search } : {}), page: String(n) })}`;

  return (
    <>
      <PageHeader title="Mail" />
      <p className="mt-1 text-slate-700">Every email the app sends goes through this outbox.</p>
      {!env().SMTP_URL && (
        <div className="mt-3">
          <CapturedMailNotice />
        </div>
      )}

      <form method="get" className="mt-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter mail">
        <FormRow id="mail-status" label="Status">
          <select id="mail-status" name="status" defaultValue={status ?? ''} className={inputClass}>
            <option value="">All ({Object.values(byStatus).reduce((a, b) => a + b, 0)})</option>
            {OUTBOX_STATUSES.map((s) => (
              <option key={s} value={s}>
                {MAIL_STATUS_LABELS[s]} ({byStatus[s]})
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow id="mail-search" label="Recipient or subject">
          <input id="mail-search" name="q" type="search" defaultValue={search} className={inputClass} />
        </FormRow>
        <Button>Filter</Button>
      </form>

      <p className="mt-4 text-sm text-slate-700" aria-live="polite">
        {total} message{total === 1 ? '' : 's'}
        {status || search ? ' match' : ''}. Times are in {STAFF_ZONE}.
      </p>
      {items.length > 0 && (
        <DataTable
          label="Messages table"
          columns={['Created', 'To', 'Subject', 'Status', 'Attempts']}
          caption={<>Messages, newest first</>}
        >
          {items.map((message) => (
            <Tr key={message.id}>
              <Td className="whitespace-nowrap">{formatDateTime(message.createdAt, STAFF_ZONE, 'en')}</Td>
              <Td>{message.toAddress}</Td>
              <Td>
                {me.role === 'admin' ? (
                  <Link href={`/staff/mail/${message.id}`}>{message.subject}</Link>
                ) : (
                  message.subject
                )}
              </Td>
              <Td>
                <MailStatus status={message.status} />
                {message.status === 'failed' && message.lastError && (
                  <div className="mt-1 text-xs text-danger-900">{message.lastError}</div>
                )}
              </Td>
              <Td>{message.attempts}</Td>
            </Tr>
          ))}
        </DataTable>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
          {page > 1 && <Link href={pageLink(page - 1)}>Newer</Link>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <Link href={pageLink(page + 1)}>Older</Link>}
        </nav>
      )}
    </>
  );
}
