import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { FormRow, inputClass } from '@/components/field';
import { Button, Notice, PageHeader } from '@/components/ui';
import { oidcSignInName } from '@/services/auth/oidc';
import { getCurrentStaff } from '@/services/auth/staff';
import { safeCallbackPath } from '@/lib/auth/callback-url';

export const metadata: Metadata = { title: 'Sign in' };

const ERRORS: Record<string, string> = {
  email: 'Enter your email address, like name@example.org.',
};

export default async function SignInPage({ searchParams }: PageProps<'/staff/sign-in'>) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined);
  if (await getCurrentStaff()) redirect(callbackUrl);
  const error = typeof params.error === 'string' ? ERRORS[params.error] : undefined;
  const providerName = oidcSignInName();

  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Sign in" />
      {params.signedOut === '1' && (
        <Notice tone="success" role="status" className="mt-3">
          You have signed out.
        </Notice>
      )}
      <p className="mt-2 text-slate-700">
        Staff of the secretariat sign in with a link sent to their work email. No password is needed.
      </p>
      {/* A plain form post to a route handler: it works without JavaScript, and can answer 429 when rate-limited. */}
      <form method="post" action="/staff/sign-in/request" className="mt-6 flex flex-col gap-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <FormRow id="email" label="Work email">
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'email-error' : undefined}
            className={inputClass}
          />
          <p id="email-error" className="text-sm font-medium text-danger-800">
            {error}
          </p>
        </FormRow>
        <Button size="md">Email me a sign-in link</Button>
      </form>
      {providerName && (
        <form method="post" action="/staff/sign-in/oidc" className="mt-6 border-t border-slate-200 pt-6">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button size="md" variant="secondary">
            Sign in with {providerName}
          </Button>
        </form>
      )}
    </div>
  );
}
