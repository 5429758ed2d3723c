import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { AccessDenied } from '@/components/access-denied';
import { FormRow, inputClass } from '@/components/field';
import { Button, Card, DataTable, PageHeader, Td, Tr } from '@/components/ui';
import { listContactImports } from '@/db/contact-import';
import { listCouncils } from '@/db/councils';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireSignedInPage } from '@/services/auth/staff';
import { MAX_IMPORT_ROWS } from '@/lib/contact-import';
import { formatDateTime } from '@/lib/datetime';

export const metadata: Metadata = { title: 'Import contacts' };

const PROBLEMS: Record<string, string> = {
  noFile: 'Choose a CSV file to upload.',
  empty: 'That file is empty. Choose the CSV file with the contacts.',
  binary:
    'That file is not a CSV text file. In Excel, use File → Save As → “CSV UTF-8” (or “CSV (comma delimited)”), then upload that file.',
  noRows: 'That file has a header row but no contacts under it (or no rows at all).',
  tooManyRows: `That file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows. Split it into smaller files.`,
  tooLarge: 'That file is larger than 15 MB, the limit for an import; nothing was saved. Split it into smaller files.',
  unreadable: 'The upload did not arrive whole (was the connection interrupted?); nothing was saved. Please try again.',
};

const STATUS: Record<string, string> = {
  previewing: 'Waiting for confirmation',
  applying: 'Importing',
  done: 'Imported',
  cancelled: 'Cancelled',
};

export default async function ImportContactsPage({ searchParams }: PageProps<'/staff/contacts/import'>) {
  await connection();
  const staff = await requireSignedInPage('/staff/contacts/import');
  if (!roleAtLeast(staff.role, 'editor')) return <AccessDenied needed="editor" />;
  const params = await searchParams;
  const problem = typeof params.problem === 'string' ? PROBLEMS[params.problem] : undefined;
  const [imports, councils] = await Promise.all([listContactImports({ actor: staff }), listCouncils({ actor: staff })]);
  const zone = staff.timeZone ?? 'UTC';
  return (
    <>
      <PageHeader back={{ href: '/staff/contacts', label: '← Contacts' }} title="Import contacts" />
      <p className="mt-2 max-w-prose">
        Upload a CSV file: UTF-8 (with or without a byte-order mark) or Windows-1251 as Excel saves it in a Russian
        locale, with commas or semicolons. The first row names the columns, in English or Russian (“Full name” or «ФИО»,
        “Email” or «Электронная почта», Organisation, Acronym, Country, Position, Language, Phone, Tags, Notes). You
        will see what each row would do before anything is saved.
      </p>
      {params.cancelled === '1' && (
        <p role="status" className="mt-3 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
          The import was cancelled; nothing was saved.
        </p>
      )}
      <Card
        as="form"
        method="post"
        action="/staff/contacts/import/upload"
        encType="multipart/form-data"
        className="mt-4 flex flex-wrap items-end gap-3"
      >
        <FormRow id="import-file" label="CSV file">
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv,text/plain"
            required
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'import-problem' : undefined}
            className="text-sm file:mr-3 file:min-h-10 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3"
          />
        </FormRow>
        {councils.length > 0 && (
          <FormRow
            id="import-roster"
            label="Also add everyone in the file to a council’s roster"
            hint="The file then also needs the columns Role, Nominated by (a State or an organisation), Term from, and optionally Term to and Working group."
          >
            <select id="import-roster" name="rosterCouncilId" defaultValue="" className={inputClass}>
              <option value="">No: contacts only</option>
              {councils.map((c) => (
                <option key={c.id} value={c.id}>
                  Roster of {c.nameEn}
                </option>
              ))}
            </select>
          </FormRow>
        )}
        <Button>Upload and preview</Button>
        {problem && (
          <p id="import-problem" role="alert" className="basis-full text-sm font-medium text-danger-800">
            {problem}
          </p>
        )}
      </Card>
      {imports.length > 0 && (
        <section aria-labelledby="recent" className="mt-8">
          <h2 id="recent" className="text-lg font-semibold">
            Recent imports
          </h2>
          <DataTable label="Recent imports table" columns={['File', 'Uploaded', 'By', 'Rows', 'Status']}>
            {imports.map((i) => (
              <Tr key={i.id}>
                <Td>
                  <Link href={`/staff/contacts/import/${i.id}`}>{i.fileName}</Link>
                </Td>
                <Td>{formatDateTime(i.createdAt, zone, 'en')}</Td>
                <Td>{i.createdByEmail ?? '—'}</Td>
                <Td>{i.totalRows.toLocaleString('en')}</Td>
                <Td>{STATUS[i.status]}</Td>
              </Tr>
            ))}
          </DataTable>
        </section>
      )}
    </>
  );
}
