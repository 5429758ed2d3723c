import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { inputClass } from '@/components/field';
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

  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      {params.signedOut === '1' && (
        <p
          role="status"
          className="mt-3 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          You have signed out.
        </p>
      )}
      <p className="mt-2 text-slate-700">
        Staff of the secretariat sign in with a link sent to their work email. No password is needed.
      </p>
      {/* A plain form post to a route handler: it works without JavaScript, and can answer 429 when rate-limited. */}
      <form method="post" action="/staff/sign-in/request" className="mt-6 flex flex-col gap-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div className="flex flex-col gap-1">
          <label htmlFor="email" className="text-sm font-medium">
            Work email
          </label>
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
          <p id="email-error" className="text-sm font-medium text-red-800">
            {error}
          </p>
        </div>
        <button
          type="submit"
          className="min-h-10 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          Email me a sign-in link
        </button>
      </form>
    </div>
  );
}
