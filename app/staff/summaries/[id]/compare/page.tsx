import { diffWords } from 'diff';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Card, PageHeader } from '@/components/ui';
import { getSummary, getVersionTexts } from '@/db/summaries';
import { SUMMARY_TEXT_FIELDS } from '@/db/summary-editing';
import { requireSignedInPage } from '@/services/auth/staff';
import { formatDateTime } from '@/lib/datetime';

export const metadata: Metadata = { title: 'Compare versions' };

const FIELD_LABELS: Record<(typeof SUMMARY_TEXT_FIELDS)[number], string> = {
  slug: 'Slug',
  headlineEn: 'Headline (English)',
  headlineRu: 'Headline (Russian)',
  leadEn: 'Lead (English)',
  leadRu: 'Lead (Russian)',
  bodyEn: 'Text (English)',
  bodyRu: 'Text (Russian)',
};

const versionNumber = z.coerce.number().int().positive();

export default async function CompareVersionsPage({
  params,
  searchParams,
}: PageProps<'/staff/summaries/[id]/compare'>) {
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/summaries/${id}/compare`);
  if (!z.uuid().safeParse(id).success) notFound();
  const query = await searchParams;
  const from = versionNumber.safeParse(query.from);
  const to = versionNumber.safeParse(query.to);
  const summary = await getSummary({ actor: staff, id });
  if (!summary) notFound();
  if (!from.success || !to.success) {
    return (
      <>
        <PageHeader title="Compare versions" />
        <p role="alert" className="mt-3">
          Choose two versions to compare on the <Link href={`/staff/summaries/${id}`}>summary’s page</Link>.
        </p>
      </>
    );
  }
  const versions = await getVersionTexts({ actor: staff, summaryId: id, numbers: [from.data, to.data] });
  const older = versions.find((v) => v.number === from.data);
  const newer = versions.find((v) => v.number === to.data);
  if (!older || !newer) notFound();
  const zone = summary.meeting.timeZone;

  return (
    <>
      <PageHeader
        back={{ href: `/staff/summaries/${id}`, label: '← The summary' }}
        title={`Version ${older.number} compared with version ${newer.number}`}
      />
      <p className="mt-1 text-sm text-slate-700">
        Version {older.number}: {formatDateTime(older.savedAt, zone, 'en')}, {older.savedByEmail ?? '—'} ({older.note}).
        Version {newer.number}: {formatDateTime(newer.savedAt, zone, 'en')}, {newer.savedByEmail ?? '—'} ({newer.note}).
      </p>
      <p className="mt-1 text-sm text-slate-700">
        <del className="bg-danger-100 text-danger-900">Struck-through text</del> was removed,{' '}
        <ins className="bg-success-100 text-success-900">underlined text</ins> was added.
      </p>
      {SUMMARY_TEXT_FIELDS.map((field) => {
        const before = older.text[field] ?? '';
        const after = newer.text[field] ?? '';
        return (
          <section key={field} aria-labelledby={`field-${field}`} className="mt-6">
            <h2 id={`field-${field}`} className="font-semibold">
              {FIELD_LABELS[field]}{' '}
              {before === after && <span className="font-normal text-slate-700">— unchanged</span>}
            </h2>
            {before !== after && (
              <Card
                as="p"
                compact
                lang={field.endsWith('Ru') ? 'ru' : 'en'}
                className="mt-1 text-sm whitespace-pre-wrap"
              >
                {diffWords(before, after).map((part, index) =>
                  part.added ? (
                    <ins key={index} className="bg-success-100 text-success-900">
                      <span className="sr-only">[added: </span>
                      {part.value}
                      <span className="sr-only">]</span>
                    </ins>
                  ) : part.removed ? (
                    <del key={index} className="bg-danger-100 text-danger-900">
                      <span className="sr-only">[removed: </span>
                      {part.value}
                      <span className="sr-only">]</span>
                    </del>
                  ) : (
                    <span key={index}>{part.value}</span>
                  ),
                )}
              </Card>
            )}
          </section>
        );
      })}
    </>
  );
}
