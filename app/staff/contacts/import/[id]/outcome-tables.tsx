import { DataTable, Td, Tr } from '@/components/ui';
import type { RowOutcome } from '@/lib/contact-import-plan';
import { IMPORT_FIELD_LABELS } from '@/lib/contact-import';

const OUTCOME_LABELS = {
  create: 'New contact',
  update: 'Update',
  unchanged: 'No change',
  rejected: 'Rejected',
} as const;

/** A count as the import pages show it: 1,234. */
export const n = (count: number) => count.toLocaleString('en');

/** The rows an import refuses, with the reason for each (the first 1,000). */
export function RejectedSection({ rows }: { rows: RowOutcome[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="rejected" className="mt-6">
      <h2 id="rejected" className="text-lg font-semibold">
        Rejected rows
      </h2>
      <RejectedTable rows={rows.slice(0, 1000)} />
      {rows.length > 1000 && <p className="mt-2 text-sm">The first 1,000 of {n(rows.length)} are shown.</p>}
    </section>
  );
}

function RejectedTable({ rows }: { rows: RowOutcome[] }) {
  return (
    <DataTable label="Rejected rows table" columns={['Line', 'Name', 'Email', 'Reason']}>
      {rows.map((r) => (
        <Tr key={r.line}>
          <Td>{r.line}</Td>
          <Td>{r.name || '—'}</Td>
          <Td>{r.email || '—'}</Td>
          <Td>{r.outcome === 'rejected' ? r.reason : ''}</Td>
        </Tr>
      ))}
    </DataTable>
  );
}

/** What the import does with each row of the current page. */
export function OutcomeTable({ rows, roster }: { rows: RowOutcome[]; roster?: Record<number, string> }) {
  if (rows.length === 0) return <p className="mt-2 text-slate-700">No rows here.</p>;
  return (
    <DataTable label="Rows table" columns={['Line', 'Name', 'Email', 'Organisation', 'What happens']}>
      {rows.map((r) => (
        <Tr key={r.line}>
          <Td>{r.line}</Td>
          <Td>{r.name || '—'}</Td>
          <Td>{r.email || '—'}</Td>
          <Td>{r.outcome === 'rejected' ? '—' : (r.organisation ?? '—')}</Td>
          <Td>
            <strong>{OUTCOME_LABELS[r.outcome]}</strong>
            {r.outcome === 'rejected' && `: ${r.reason}`}
            {r.outcome !== 'rejected' && r.sameAsLine !== null && (
              <span className="block">Same email as line {r.sameAsLine}: merged into that contact.</span>
            )}
            {roster?.[r.line] && <span className="block">{roster[r.line]}</span>}
            {r.outcome !== 'rejected' && r.changes.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {r.changes.map((c) => (
                  <li key={c.field} className="whitespace-pre-line">
                    {IMPORT_FIELD_LABELS[c.field]}: {c.from ? `“${c.from}” → ` : ''}“{c.to}”
                  </li>
                ))}
              </ul>
            )}
          </Td>
        </Tr>
      ))}
    </DataTable>
  );
}
