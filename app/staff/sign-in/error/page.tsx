import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui';

export const metadata: Metadata = { title: 'Sign-in problem' };

const MESSAGES: Record<string, { title: string; body: string }> = {
  Verification: {
    title: 'This sign-in link no longer works',
    body: 'It has expired or has already been used. Links work once, for 15 minutes. Ask for a new one.',
  },
  AccessDenied: {
    title: 'This account cannot sign in',
    body:
      'The address is not an active staff account, or your organisation account may not sign in here. If you think ' +
      'it should, ask an admin.',
  },
};

export default async function SignInErrorPage({ searchParams }: PageProps<'/staff/sign-in/error'>) {
  const { error } = await searchParams;
  const message = (typeof error === 'string' && MESSAGES[error]) || {
    title: 'Sign-in did not work',
    body: 'Something went wrong while signing you in. Please ask for a new link.',
  };
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={message.title} />
      <p className="mt-2">{message.body}</p>
      <p className="mt-4">
        <Link href="/staff/sign-in">Ask for a new sign-in link</Link>
      </p>
    </div>
  );
}
