import Link from 'next/link';
import { PageHeader } from '@/components/ui';

export default function StaffNotFound() {
  return (
    <>
      <PageHeader title="Not found" />
      <p className="mt-2">There is no such page or record. It may have been removed.</p>
      <p className="mt-4">
        <Link href="/staff">Back to the dashboard</Link>
      </p>
    </>
  );
}
