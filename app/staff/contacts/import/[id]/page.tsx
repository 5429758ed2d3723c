import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { after, connection } from 'next/server';
import { z } from 'zod';
import { AccessDenied } from '@/components/access-denied';
import { ActionForm } from '@/components/action-form';
import { PeoplePicker } from '@/components/people-picker';
import { Pagination } from '@/components/pagination';
import { Card, PageHeader } from '@/components/ui';
import { getContactImport, previewContactImport, rosterRejections, runContactImport } from '@/db/contact-import';
import type { ContactImport } from '@/db/schema';
import { roleAtLeast, type StaffUser } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { pickerFallback, pickerState } from '@/services/people-picker';
import { counted } from '@/lib/counted';
import {
  cancelContactImportAction,
  chooseImportOrganisationAction,
  chooseImportOrganisationAfterSearchAction,
  startContactImportAction,
} from '../actions';
import { ColumnMappingStep } from './column-mapping-step';
import { DoneStep } from './done-step';
import { n, OutcomeTable, RejectedSection } from './outcome-tables';

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
      <PageHeader
        back={{ href: '/staff/contacts/import', label: '← Import contacts' }}
        title={`Import of ${batch.fileName}`}
      />
      <p className="mt-1 text-sm text-slate-700">
        {counted(batch.rows.length, 'row')} ·{' '}
        {batch.encoding === 'windows-1251' ? 'Windows-1251 (Excel, Russian locale)' : 'UTF-8'} ·{' '}
        {batch.delimiter === ';' ? 'semicolons' : batch.delimiter === ',' ? 'commas' : 'tabs'}
      </p>
      {batch.status === 'previewing' && (!batch.mappingConfirmed || query.step === 'columns') ? (
        <ColumnMappingStep batch={batch} />
      ) : batch.status === 'previewing' ? (
        <PreviewStep
          staff={staff}
          batch={batch}
          query={query}
          show={SHOW.find((s) => s === query.show) ?? 'all'}
          page={Math.max(1, Number(query.page) || 1)}
        />
      ) : batch.status === 'applying' ? (
        <ProgressStep batch={batch} />
      ) : batch.status === 'done' ? (
        <DoneStep batch={batch} rosterReasons={await rosterRejections({ actor: staff, batch })} />
      ) : (
        <p className="mt-4">This import was cancelled; nothing from it was saved.</p>
      )}
    </>
  );
}

async function PreviewStep({
  staff,
  batch,
  query,
  show,
  page,
}: {
  staff: StaffUser;
  batch: ContactImport;
  query: Record<string, string | string[] | undefined>;
  show: Show;
  page: number;
}) {
  // A no-JavaScript search names the organisation's form it came from (components/people-picker.tsx).
  const formId = (index: number) => `organisation-choice-${index}`;
  const searchedFrom =
    typeof query.find === 'string' && /^organisation-choice-\d+$/.test(query.find) ? query.find : null;
  const [preview, searched] = await Promise.all([
    previewContactImport({ actor: staff, batch }),
    searchedFrom
      ? pickerFallback(staff, query, searchedFrom, ['organisationId'], { organisationId: 'organisations' })
      : null,
  ]);
  const { counts } = preview;
  const shown = preview.outcomes.filter((o) => show === 'all' || o.outcome === show);
  const rejected = preview.outcomes.filter((o) => o.outcome === 'rejected');
  const willChange = counts.contactsChanged;
  const newOrganisations = preview.organisations.filter((o) => !o.mappedTo).length;
  return (
    <>
      <Card as="section" aria-labelledby="summary" className="mt-4">
        <h2 id="summary" className="text-lg font-semibold">
          What this import would do
        </h2>
        {/* Each row in one bullet only, so the rows add up to the file's. */}
        <ul className="mt-2 list-disc pl-6">
          <li>{counted(counts.create, 'new contact')}</li>
          <li>{counted(counts.update, 'row updates', 'rows update')} a contact already in the directory</li>
          <li>{counted(counts.unchanged, 'row changes', 'rows change')} nothing</li>
          <li>{counted(counts.rejected, 'row')} rejected (listed below with the reason)</li>
          {counts.repeated > 0 && (
            <li>
              {counts.repeated === 1
                ? '1 row repeats an email from an earlier line and is merged into that contact'
                : `${n(counts.repeated)} rows repeat an email from an earlier line and are merged into that contact`}
            </li>
          )}
          {preview.roster && (
            <li>
              {counted(preview.roster.join, 'person joins', 'people join')} the roster of{' '}
              <Link href={`/staff/councils/${preview.roster.councilId}`}>{preview.roster.council}</Link>
              {preview.roster.skip > 0 && `; ${n(preview.roster.skip)} already on it in those dates are skipped`}
            </li>
          )}
        </ul>
        <p className="mt-2">{counted(newOrganisations, 'new organisation')}</p>
        <p className="mt-2 text-sm">
          <Link href={`/staff/contacts/import/${batch.id}?step=columns`}>Change which column holds what</Link>
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <ActionForm
            action={startContactImportAction.bind(null, batch.id)}
            submitLabel={willChange ? `Import ${counted(willChange, 'contact')}` : 'Finish (nothing to change)'}
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
      </Card>

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
            {preview.organisations.map((o, index) => {
              const id = formId(index);
              const searchedHere = searchedFrom === id;
              return (
                <Card as="li" compact key={o.key} id={`${id}-form`}>
                  <p className="font-medium">
                    {o.name}
                    {o.acronym && o.acronym !== o.name && ` (${o.acronym})`}{' '}
                    <span className="text-sm font-normal text-slate-700">
                      · {counted(o.rows, 'row')} ·{' '}
                      {o.mappedTo ? `goes to ${o.mappedTo.acronym ?? o.mappedTo.nameEn}` : 'will be created'}
                    </span>
                  </p>
                  <ActionForm
                    action={(searchedHere
                      ? chooseImportOrganisationAfterSearchAction
                      : chooseImportOrganisationAction
                    ).bind(null, batch.id, o.key)}
                    submitLabel="Save choice"
                    variant="secondary"
                    className="mt-2 flex flex-wrap items-end gap-2"
                  >
                    <PeoplePicker
                      kind="organisations"
                      id={id}
                      name="organisationId"
                      label={`“${o.name}” is already in the directory as`}
                      {...pickerState(
                        searchedHere ? searched?.organisationId : undefined,
                        o.mappedTo
                          ? [
                              {
                                id: o.mappedTo.id,
                                name: o.mappedTo.nameEn,
                                nameLatin: null,
                                organisation: o.mappedTo.acronym,
                                country: null,
                              },
                            ]
                          : [],
                      )}
                      find={{ action: `/staff/contacts/import/${batch.id}#${id}-form`, value: id }}
                    />
                  </ActionForm>
                </Card>
              );
            })}
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
              {n(s === 'all' ? preview.outcomes.length : preview.outcomes.filter((o) => o.outcome === s).length)})
            </Link>
          ))}
        </nav>
        <OutcomeTable
          rows={shown.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE)}
          roster={preview.roster?.byLine}
        />
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
        {n(batch.rowsDone)} of {counted(batch.rows.length, 'row')} done
      </label>
      <progress id="import-progress" max={batch.rows.length} value={batch.rowsDone} className="mt-1 w-full max-w-md" />
      <p className="mt-2 text-sm text-slate-700">This page refreshes itself. You can leave it: the import goes on.</p>
    </section>
  );
}
