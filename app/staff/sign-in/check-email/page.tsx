import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui';
import { Notice } from '@/components/ui';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Check your email' };

// The same page for every address, known or not: it must not tell who is staff.
export default function CheckEmailPage() {
  const captured = !env().SMTP_URL;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Check your email" />
      <p className="mt-2">
        If this address belongs to a Council Desk staff account, a sign-in link is on its way. It works once, for 15
        minutes.
      </p>
      <p className="mt-2 text-slate-700">No email after a few minutes? Look in your spam folder, or ask an admin.</p>
      {captured && (
        <Notice tone="warning" className="mt-4">
          This installation has no mail server configured (no SMTP_URL): mail is captured, not delivered. An admin can
          read the link on the Mail page.
        </Notice>
      )}
      <p className="mt-6">
        <Link href="/staff/sign-in">Use a different address</Link>
      </p>
    </div>
  );
}
