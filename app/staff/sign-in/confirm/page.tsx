import type { Metadata } from 'next';
import Link from 'next/link';
import { Button, PageHeader } from '@/components/ui';
import { safeCallbackPath } from '@/lib/auth/callback-url';

export const metadata: Metadata = { title: 'Confirm sign-in', referrer: 'strict-origin' };

const param = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

/**
 * The page a sign-in email links to. Only the button below spends the one-time token, so a mail scanner that opens
 * the link does not.
 */
export default async function ConfirmSignInPage({ searchParams }: PageProps<'/staff/sign-in/confirm'>) {
  const params = await searchParams;
  const token = param(params.token);
  const email = param(params.email);
  if (!token || !email) {
    return (
      <div className="mx-auto max-w-md">
        <PageHeader title="This sign-in link is incomplete" />
        <p className="mt-2">Copy the whole link from the email, or ask for a new one.</p>
        <p className="mt-4">
          <Link href="/staff/sign-in">Ask for a new link</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Sign in to Council Desk" />
      <p className="mt-2">
        You are signing in as <strong>{email}</strong>.
      </p>
      <form method="get" action="/api/auth/callback/email" className="mt-6">
        <input type="hidden" name="callbackUrl" value={safeCallbackPath(param(params.callbackUrl))} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <Button size="md">Sign in</Button>
      </form>
    </div>
  );
}
