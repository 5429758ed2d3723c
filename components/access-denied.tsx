import Link from 'next/link';
import { PageHeader } from '@/components/ui';

export function AccessDenied({ needed }: { needed: string }) {
  return (
    <>
      <PageHeader title="You cannot open this page" />
      <p className="mt-2">
        It needs the <strong>{needed}</strong> role. Ask an admin if you need access.
      </p>
      <p className="mt-4">
        <Link href="/staff">Back to the dashboard</Link>
      </p>
    </>
  );
}
