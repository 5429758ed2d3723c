import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { z } from 'zod';
import { AccessDenied } from '@/components/access-denied';
import { MailStatus } from '@/components/mail-status';
import { Card, PageHeader } from '@/components/ui';
import { getMail } from '@/db/mail';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { formatDateTime } from '@/lib/datetime';
import { retryMailAction } from '../actions';
import { RetryForm } from '../retry-form';

export const metadata: Metadata = { title: 'Message' };

export default async function MailMessagePage({ params }: PageProps<'/staff/mail/[id]'>) {
  await connection();
  const { id } = await params;
  const me = await requireSignedInPage(`/staff/mail/${id}`);
  // Bodies may carry live sign-in or personal links: admins only.
  if (!roleAtLeast(me.role, 'admin')) return <AccessDenied needed="admin" />;
  const message = z.uuid().safeParse(id).success ? await getMail({ actor: me, id }) : null;
  if (!message) notFound();

  return (
    <>
      <PageHeader back={{ href: '/staff/mail', label: '← Mail' }} title={message.subject} />
      <Card as="dl" className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Status</dt>
        <dd>
          <MailStatus status={message.status} />
        </dd>
        <dt className="font-medium">To</dt>
        <dd>{message.toName ? `${message.toName} <${message.toAddress}>` : message.toAddress}</dd>
        <dt className="font-medium">From</dt>
        <dd>{message.fromAddress}</dd>
        <dt className="font-medium">Message-ID</dt>
        <dd className="break-all font-mono">{message.messageId}</dd>
        <dt className="font-medium">Created</dt>
        <dd>{formatDateTime(message.createdAt, 'UTC', 'en')}</dd>
        {message.sentAt && (
          <>
            <dt className="font-medium">Sent</dt>
            <dd>{formatDateTime(message.sentAt, 'UTC', 'en')}</dd>
          </>
        )}
        <dt className="font-medium">Attempts</dt>
        <dd>{message.attempts}</dd>
        {message.lastError && (
          <>
            <dt className="font-medium">Last error</dt>
            <dd className="text-danger-900">{message.lastError}</dd>
          </>
        )}
        {message.attachments.length > 0 && (
          <>
            <dt className="font-medium">Attachments</dt>
            <dd>
              <ul>
                {message.attachments.map((a, index) => (
                  <li key={index}>
                    <a href={`/staff/mail/${message.id}/attachments/${index}`} download={a.filename}>
                      {a.filename}
                    </a>{' '}
                    ({a.contentType.split(';')[0]})
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </Card>
      {message.status === 'failed' && (
        <div className="mt-4">
          <RetryForm action={retryMailAction.bind(null, message.id)} />
        </div>
      )}
      <section aria-labelledby="text-body" className="mt-6">
        <h2 id="text-body" className="text-lg font-semibold">
          Text
        </h2>
        <Card as="pre" className="mt-2 overflow-x-auto whitespace-pre-wrap text-sm">
          {message.textBody}
        </Card>
      </section>
    </>
  );
}
