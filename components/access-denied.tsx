import Link from 'next/link';

export function AccessDenied({ needed }: { needed: string }) {
  return (
    <>
      <h1 className="text-2xl font-semibold">You cannot open this page</h1>
      <p className="mt-2">
        It needs the <strong>{needed}</strong> role. Ask an admin if you need access.
      </p>
      <p className="mt-4">
        <Link href="/staff">Back to the dashboard</Link>
      </p>
    </>
  );
}
