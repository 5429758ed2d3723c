import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { PageHeader } from '@/components/ui';
import { inspectAdminSetupToken } from '@/db/staff-auth';
import { completeSetupAction } from './actions';
import { SetupForm } from './setup-form';

export const metadata: Metadata = { title: 'Set up an admin', referrer: 'strict-origin' };

const PROBLEMS = {
  unknown: 'This set-up link is not valid. Copy the whole link from the terminal.',
  used: 'This set-up link has already been used.',
  expired: 'This set-up link has expired. Restart the app, or run npm run admin:create, for a new one.',
  adminExists: 'An admin already exists, so this first-admin link no longer works. Ask an admin to add you.',
} as const;

export default async function AdminSetupPage({ params }: PageProps<'/staff/setup/[token]'>) {
  await connection();
  const { token } = await params;
  const state = await inspectAdminSetupToken(token);
  if (!state.usable) {
    return (
      <div className="mx-auto max-w-md">
        <PageHeader title="This link cannot be used" />
        <p className="mt-2">{PROBLEMS[state.reason]}</p>
        <p className="mt-4">
          <Link href="/staff/sign-in">Go to sign-in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={state.email ? 'Set up your admin account' : 'Set up the first admin'} />
      <p className="mt-2 text-slate-700">
        This one-time link makes you an admin of Council Desk: you can then add the rest of the secretariat. It works
        once, within 24 hours.
      </p>
      <SetupForm action={completeSetupAction.bind(null, token)} fixedEmail={state.email} />
    </div>
  );
}
