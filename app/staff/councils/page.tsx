import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Card, PageHeader } from '@/components/ui';
import { listCouncils } from '@/db/councils';
import { requireSignedInPage } from '@/services/auth/staff';

export const metadata: Metadata = { title: 'Councils' };

export default async function CouncilsPage() {
  await connection();
  const staff = await requireSignedInPage('/staff/councils');
  const councils = await listCouncils({ actor: staff });
  return (
    <>
      <PageHeader title="Councils" />
      <ul className="mt-4 space-y-2">
        {councils.map((c) => (
          <Card as="li" key={c.id}>
            <Link href={`/staff/councils/${c.id}`} className="font-medium">
              {c.nameEn}
            </Link>
            <span lang="ru" className="block text-sm text-slate-700">
              {c.nameRu}
            </span>
          </Card>
        ))}
      </ul>
    </>
  );
}
