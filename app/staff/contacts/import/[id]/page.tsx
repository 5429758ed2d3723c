import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { after, connection } from 'next/server';
import { z } from 'zod';
import { AccessDenied } from '@/components/access-denied';
import { ActionForm } from '@/components/action-form';
import { OrganisationOptions } from '@/components/choice-options';
import { inputClass } from '@/components/field';
import { Pagination } from '@/components/pagination';
import { TableHead } from '@/components/table-head';
import { TableScroll } from '@/components/table-scroll';
import { getContactImport, previewContactImport, runContactImport } from '@/db/contact-import';
import { listOrganisationChoices } from '@/db/meetings';
import type { ContactImport } from '@/db/schema';
import { roleAtLeast, type StaffUser } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, readRow, type ColumnMapping } from '@/lib/contact-import';
import type { RowOutcome } from '@/lib/contact-import-plan';
import {
  cancelContactImportAction,
  chooseImportOrganisationAction,
  saveImportMappingAction,
  startContactImportAction,
} from '../actions';

export const metadata: Metadata = { title: 'Import preview' };

const ROWS_PER_PAGE = 100;
const SHOW = ['all', 'create', 'update', 'unchanged', 'rejected'] as const;
type Show = (typeof SHOW)[number];
const SHOW_LABELS: Record<Show, string> = {
  all: 'All rows',
  create: 'New',
  update: 'Updated',
  unchanged: 'Unchanged',
  rejected: 'Rejected',
};
const OUTCOME_LABELS = {
  create: 'New contact',
  update: 'Update',
  unchanged: 'No change',
  rejected: 'Rejected',
} as const;

const n = (count: number) => count.toLocaleString('en');

export default async function ImportPage({ params, searchParams }: PageProps<'/staff/contacts/import/[id]'>) {
  await connection();
  const { id } = await params;
  const staff = await requireSignedInPage(`/staff/contacts/import/${id}`);
  if (!roleAtLeast(staff.role, 'editor')) return <AccessDenied needed="editor" />;
  const batch = z.uuid().safeParse(id).success ? await getContactImport({ actor: staff, id }) : null;
  if (!batch) notFound();
  const query = await searchParams;
  return (
    <>
      <p className="text-sm">
        <Link href="/staff/contacts/import">← Import contacts</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Import of {batch.fileName}</h1>
      <p className="mt-1 text-sm text-slate-700">
        {n(batch.rows.length)} rows ·{' '}
        {batch.encoding === 'windows-1251' ? 'Windows-1251 (Excel, Russian locale)' : 'UTF-8'} ·{' '}
        {batch.delimiter === ';' ? 'semicolons' : batch.delimiter === ',' ? 'commas' : 'tabs'}
      </p>
      {batch.status === 'previewing' && (!batch.mappingConfirmed || query.step === 'columns') ? (
        <ColumnMappingStep batch={batch} />
      ) : batch.status === 'previewing' ? (
        <PreviewStep
          staff={staff}
          batch={batch}
          show={SHOW.find((s) => s === query.show) ?? 'all'}
          page={Math.max(1, Number(query.page) || 1)}
        />
      ) : batch.status === 'applying' ? (
        <ProgressStep batch={batch} />
      ) : batch.status === 'done' ? (
        <DoneStep batch={batch} />
      ) : (
        <p className="mt-4">This import was cancelled; nothing from it was saved.</p>
      )}
    </>
  );
}

function ColumnMappingStep({ batch }: { batch: ContactImport }) {
  const mapping = batch.mapping as ColumnMapping;
  return (
    <section aria-labelledby="columns" className="mt-4">
      <h2 id="columns" className="text-lg font-semibold">
        Which column holds what?
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-700">
        {batch.mappingConfirmed
          ? 'Change what a column is read as; the preview follows.'
          : 'Some column headers were not recognised. Choose what each column holds; name and email are needed.'}
      </p>
      <ActionForm
        action={saveImportMappingAction.bind(null, batch.id)}
        submitLabel="Use these columns"
        className="mt-3 flex flex-col gap-3"
      >
        <div className="grid gap-3 sm:grid-cols-2">
          {batch.headers.map((header, index) => {
            const samples = batch.rows
              .slice(0, 3)
              .map((row) => row[index]?.trim())
              .filter(Boolean)
              .join(' · ');
            return (
              <div key={index} className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-3">
                <label htmlFor={`column-${index}`} className="text-sm font-medium">
                  Column {index + 1}: “{header || '(no header)'}”
                </label>
                <p id={`column-${index}-samples`} className="text-sm break-words text-slate-700">
                  {samples ? `For example: ${samples}` : 'Empty in the first rows.'}
                </p>
                <select
                  id={`column-${index}`}
                  name="column"
                  defaultValue={mapping[index] ?? ''}
                  aria-describedby={`column-${index}-samples`}
                  className={inputClass}
                >
                  <option value="">Ignore this column</option>
                  {IMPORT_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {IMPORT_FIELD_LABELS[field]}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      </ActionForm>
    </section>
  );
}

async function PreviewStep({
  staff,
  batch,
  show,
  page,
}: {
  staff: StaffUser;
  batch: ContactImport;
  show: Show;
  page: number;
}) {
  const [preview, organisationChoices] = await Promise.all([
    previewContactImport({ actor: staff, batch }),
    listOrganisationChoices({ actor: staff }),
  ]);
  const { counts } = preview;
  const shown = preview.outcomes.filter((o) => show === 'all' || o.outcome === show);
  const rejected = preview.outcomes.filter((o) => o.outcome === 'rejected');
  const willChange = counts.create + counts.update;
  return (
    <>
      <section aria-labelledby="summary" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="summary" className="text-lg font-semibold">
          What this import would do
        </h2>
        <ul className="mt-2 list-disc pl-6">
          <li>{n(counts.create)} new contacts</li>
          <li>{n(counts.update)} rows update a contact already in the directory (or one from an earlier line)</li>
          <li>{n(counts.unchanged)} rows change nothing</li>
          <li>{n(counts.rejected)} rows rejected (listed below with the reason)</li>
          {counts.repeated > 0 && (
            <li>{n(counts.repeated)} rows repeat an email from an earlier line and are merged into that contact</li>
          )}
          <li>{n(preview.organisations.filter((o) => !o.mappedTo).length)} new organisations</li>
        </ul>
        <p className="mt-2 text-sm">
          <Link href={`/staff/contacts/import/${batch.id}?step=columns`}>Change which column holds what</Link>
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <ActionForm
            action={startContactImportAction.bind(null, batch.id)}
            submitLabel={
              willChange
                ? `Import ${n(willChange)} contact${willChange === 1 ? '' : 's'}`
                : 'Finish (nothing to change)'
            }
            pendingLabel="Starting the import…"
          >
            {null}
          </ActionForm>
          <ActionForm
            action={cancelContactImportAction.bind(null, batch.id)}
            submitLabel="Cancel this import"
            variant="secondary"
          >
            {null}
          </ActionForm>
        </div>
      </section>

      {preview.organisations.length > 0 && (
        <section aria-labelledby="new-organisations" className="mt-6">
          <h2 id="new-organisations" className="text-lg font-semibold">
            Organisations not in the directory
          </h2>
          <p className="mt-1 max-w-prose text-sm text-slate-700">
            Each will be created (type “Other”, to be completed later) unless you say it is one already in the
            directory.
          </p>
          <ul className="mt-2 space-y-2">
            {preview.organisations.map((o, index) => (
              <li key={o.key} className="rounded-md border border-slate-200 bg-white p-3">
                <p className="font-medium">
                  {o.name}
                  {o.acronym && o.acronym !== o.name && ` (${o.acronym})`}{' '}
                  <span className="text-sm font-normal text-slate-700">
                    · {n(o.rows)} row{o.rows === 1 ? '' : 's'} ·{' '}
                    {o.mappedTo ? `goes to ${o.mappedTo.acronym ?? o.mappedTo.nameEn}` : 'will be created'}
                  </span>
                </p>
                <ActionForm
                  action={chooseImportOrganisationAction.bind(null, batch.id, o.key)}
                  submitLabel="Save choice"
                  variant="secondary"
                  className="mt-2 flex flex-wrap items-end gap-2"
                >
                  <div className="flex flex-col gap-1">
                    <label htmlFor={`organisation-choice-${index}`} className="text-sm font-medium">
                      Same as an organisation already in the directory?
                    </label>
                    <select
                      id={`organisation-choice-${index}`}
                      name="organisationId"
                      defaultValue={o.mappedTo?.id ?? ''}
                      className={inputClass}
                    >
                      <OrganisationOptions organisations={organisationChoices} />
                    </select>
                  </div>
                </ActionForm>
              </li>
            ))}
          </ul>
        </section>
      )}

      <RejectedSection rows={rejected} />

      <section aria-labelledby="rows" className="mt-6">
        <h2 id="rows" className="text-lg font-semibold">
          Row by row
        </h2>
        <nav aria-label="Show rows" className="mt-2 flex flex-wrap gap-3 text-sm">
          {SHOW.map((s) => (
            <Link
              key={s}
              href={`/staff/contacts/import/${batch.id}${s === 'all' ? '' : `?show=${s}`}`}
              aria-current={s === show ? 'page' : undefined}
              className="aria-[current=page]:font-semibold"
            >
              {SHOW_LABELS[s]} (
              {n(s === 'all' ? preview.outcomes.length : s === 'rejected' ? counts.rejected : counts[s])})
            </Link>
          ))}
        </nav>
        <OutcomeTable rows={shown.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE)} />
        <Pagination
          label="Preview pages"
          basePath={`/staff/contacts/import/${batch.id}`}
          params={{ show: show === 'all' ? undefined : show }}
          page={page}
          pageSize={ROWS_PER_PAGE}
          total={shown.length}
        />
      </section>
    </>
  );
}

/** Each refused row with its reason (the first thousand: a file that bad wants fixing at its source). */
function RejectedSection({ rows }: { rows: RowOutcome[] }) {
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
    <TableScroll label="Rejected rows table">
      <table className="w-full text-left text-sm">
        <TableHead columns={['Line', 'Name', 'Email', 'Reason']} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.line} className="border-t border-slate-200">
              <td className="px-3 py-2">{r.line}</td>
              <td className="px-3 py-2">{r.name || '—'}</td>
              <td className="px-3 py-2">{r.email || '—'}</td>
              <td className="px-3 py-2">{r.outcome === 'rejected' ? r.reason : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function OutcomeTable({ rows }: { rows: RowOutcome[] }) {
  if (rows.length === 0) return <p className="mt-2 text-slate-700">No rows here.</p>;
  return (
    <TableScroll label="Rows table">
      <table className="w-full text-left text-sm">
        <TableHead columns={['Line', 'Name', 'Email', 'Organisation', 'What happens']} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.line} className="border-t border-slate-200 align-top">
              <td className="px-3 py-2">{r.line}</td>
              <td className="px-3 py-2">{r.name || '—'}</td>
              <td className="px-3 py-2">{r.email || '—'}</td>
              <td className="px-3 py-2">{r.outcome === 'rejected' ? '—' : (r.organisation ?? '—')}</td>
              <td className="px-3 py-2">
                <strong>{OUTCOME_LABELS[r.outcome]}</strong>
                {r.outcome === 'rejected' && `: ${r.reason}`}
                {r.outcome !== 'rejected' && r.sameAsLine !== null && (
                  <span className="block">Same email as line {r.sameAsLine}: merged into that contact.</span>
                )}
                {r.outcome !== 'rejected' && r.changes.length > 0 && (
                  <ul className="mt-1 list-disc pl-5">
                    {r.changes.map((c) => (
                      <li key={c.field} className="whitespace-pre-line">
                        {IMPORT_FIELD_LABELS[c.field]}: {c.from ? `“${c.from}” → ` : ''}“{c.to}”
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ProgressStep({ batch }: { batch: ContactImport }) {
  // Any instance serving this page takes the import up if the one that started it has gone (see runContactImport).
  after(() => runContactImport(batch.id));
  return (
    <section aria-labelledby="progress" className="mt-4">
      <meta httpEquiv="refresh" content="2" />
      <h2 id="progress" className="text-lg font-semibold">
        Importing…
      </h2>
      <label htmlFor="import-progress" className="mt-2 block">
        {n(batch.rowsDone)} of {n(batch.rows.length)} rows done
      </label>
      <progress id="import-progress" max={batch.rows.length} value={batch.rowsDone} className="mt-1 w-full max-w-md" />
      <p className="mt-2 text-sm text-slate-700">This page refreshes itself. You can leave it: the import goes on.</p>
    </section>
  );
}

function DoneStep({ batch }: { batch: ContactImport }) {
  const counts = batch.counts;
  const mapping = batch.mapping as ColumnMapping;
  const rejected: RowOutcome[] = batch.rows.flatMap((cells, index) => {
    const reading = readRow(cells, mapping);
    if (reading.ok) return [];
    const at = (field: 'name' | 'email') =>
      mapping.indexOf(field) >= 0 ? (cells[mapping.indexOf(field)]?.trim() ?? null) : null;
    return [
      { line: index + 2, outcome: 'rejected' as const, reason: reading.reason, name: at('name'), email: at('email') },
    ];
  });
  return (
    <>
      <section aria-labelledby="done" className="mt-4 rounded-lg border border-green-300 bg-green-50 p-4">
        <h2 id="done" className="text-lg font-semibold">
          Import finished
        </h2>
        <ul className="mt-2 list-disc pl-6">
          <li>{n(counts.create ?? 0)} contacts created</li>
          <li>{n(counts.update ?? 0)} rows updated a contact</li>
          <li>{n(counts.unchanged ?? 0)} rows changed nothing</li>
          <li>{n(counts.rejected ?? 0)} rows rejected</li>
        </ul>
        <p className="mt-2">
          <Link href="/staff/contacts">Go to the contacts</Link>
        </p>
      </section>
      <RejectedSection rows={rejected} />
    </>
  );
}
