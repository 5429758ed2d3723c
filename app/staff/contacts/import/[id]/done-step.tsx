import Link from 'next/link';
import { Card } from '@/components/ui';
import type { RowOutcome } from '@/lib/contact-import-plan';
import type { ContactImport } from '@/db/schema';
import { readRow, type ColumnMapping } from '@/lib/contact-import';
import { counted } from '@/lib/counted';
import { n, RejectedSection } from './outcome-tables';

/** The last step: what the import did, and the rows it refused. */
export function DoneStep({
  batch,
  rosterReasons = {},
}: {
  batch: ContactImport;
  /** A roster import's rows refused for their term (db/contact-import.ts rosterRejections), by row index. */
  rosterReasons?: Record<number, string>;
}) {
  const counts = batch.counts;
  const mapping = batch.mapping as ColumnMapping;
  const rejected: RowOutcome[] = batch.rows.flatMap((cells, index) => {
    const reading = readRow(cells, mapping);
    const reason = reading.ok ? rosterReasons[index] : reading.reason;
    if (!reason) return [];
    const at = (field: 'name' | 'email') =>
      mapping.indexOf(field) >= 0 ? (cells[mapping.indexOf(field)]?.trim() ?? null) : null;
    return [
      {
        line: batch.rowLines?.[index] ?? index + 2,
        outcome: 'rejected' as const,
        reason,
        name: at('name'),
        email: at('email'),
      },
    ];
  });
  return (
    <>
      <Card as="section" tone="success" aria-labelledby="done" className="mt-4">
        <h2 id="done" className="text-lg font-semibold">
          Import finished
        </h2>
        <ul className="mt-2 list-disc pl-6">
          <li>{counted(counts.create ?? 0, 'contact')} created</li>
          <li>{counted(counts.update ?? 0, 'row')} updated a contact</li>
          <li>{counted(counts.unchanged ?? 0, 'row')} changed nothing</li>
          <li>{counted(counts.rejected ?? 0, 'row')} rejected</li>
          {batch.rosterCouncilId && (
            <li>
              {counted(counts.rosterAdded ?? 0, 'person', 'people')} joined the{' '}
              <Link href={`/staff/councils/${batch.rosterCouncilId}`}>council’s roster</Link>
              {(counts.rosterSkipped ?? 0) > 0 && `; ${n(counts.rosterSkipped ?? 0)} already on it were skipped`}
            </li>
          )}
        </ul>
        <p className="mt-2">
          <Link href="/staff/contacts">Go to the contacts</Link>
        </p>
      </Card>
      <RejectedSection rows={rejected} />
    </>
  );
}
