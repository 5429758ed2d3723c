import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SkipLink } from '@/components/skip-link';
import { StaffNav } from '@/components/staff-nav';

export const metadata: Metadata = {
  title: { default: 'Staff · Council Desk', template: '%s · Council Desk staff' },
  robots: { index: false, follow: false },
};

export default function StaffLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col bg-slate-50">
        <SkipLink label="Skip to main content" />
        <header className="bg-brand-900 text-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <p className="font-semibold">Council Desk · Secretariat</p>
            <StaffNav
              items={[
                { href: '/staff', label: 'Dashboard' },
                { href: '/', label: 'Public site' },
              ]}
            />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
