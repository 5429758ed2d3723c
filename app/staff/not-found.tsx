import Link from 'next/link';

export default function StaffNotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2">There is no such page or record. It may have been removed.</p>
      <p className="mt-4">
        <Link href="/staff">Back to the dashboard</Link>
      </p>
    </>
  );
}
