import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { listCouncils } from '@/db/councils';
import { requireSignedInPage } from '@/services/auth/staff';

export const metadata: Metadata = { title: 'Councils' };

export default async function CouncilsPage() {
  await connection();
  const staff = await requireSignedInPage('/staff/councils');
  const councils = await listCouncils({ actor: staff });
  return (
    <>
      <h1 className="text-2xl font-semibold">Councils</h1>
      <ul className="mt-4 space-y-2">
        {councils.map((c) => (
          <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <Link href={`/staff/councils/${c.id}`} className="font-medium">
              {c.nameEn}
            </Link>
            <span lang="ru" className="block text-sm text-slate-700">
              {c.nameRu}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
