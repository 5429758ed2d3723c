import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SkipLink } from '@/components/skip-link';
import { StaffNav } from '@/components/staff-nav';
import { SignOutButton } from '@/components/sign-out-button';
import { getCurrentStaff } from '@/services/auth/staff';
import { signOutAction } from './actions';

export const metadata: Metadata = {
  title: { default: 'Staff · Council Desk', template: '%s · Council Desk staff' },
  robots: { index: false, follow: false },
};

// The header shows who is signed in; it protects nothing (each page and data function checks for itself).
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await getCurrentStaff();
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col bg-slate-50">
        <SkipLink label="Skip to main content" />
        <header className="bg-brand-900 text-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <p className="font-semibold">Council Desk · Secretariat</p>
            {staff && (
              <>
                <StaffNav
                  items={[
                    { href: '/staff', label: 'Dashboard' },
                    { href: '/staff/councils', label: 'Councils' },
                    { href: '/staff/contacts', label: 'Contacts' },
                    { href: '/staff/organisations', label: 'Organisations' },
                    { href: '/staff/summaries', label: 'Summaries' },
                    { href: '/staff/mail', label: 'Mail' },
                    ...(staff.role === 'admin' ? [{ href: '/staff/team', label: 'Staff' }] : []),
                    { href: '/', label: 'Public site' },
                  ]}
                />
                <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
                  <Link href="/staff/profile" className="text-white hover:text-white">
                    {staff.name ?? staff.email} <span className="text-brand-100">({staff.role})</span>
                  </Link>
                  <SignOutButton action={signOutAction} />
                </div>
              </>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
