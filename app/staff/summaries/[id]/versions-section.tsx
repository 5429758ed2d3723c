import { ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { Button, DataTable, Td, Tr } from '@/components/ui';
import type { getSummary, listVersions } from '@/db/summaries';
import { formatDateTime } from '@/lib/datetime';
import { restoreVersionAction } from '../actions';

type Summary = NonNullable<Awaited<ReturnType<typeof getSummary>>>;

/** Every saved version of the text: compare two, or (while a draft) restore one. */
export function VersionsSection({
  summary,
  versions,
  editable,
}: {
  summary: Summary;
  versions: Awaited<ReturnType<typeof listVersions>>;
  editable: boolean;
}) {
  const when = (at: Date) => formatDateTime(at, summary.meeting.timeZone, 'en');
  return (
    <section aria-labelledby="versions" className="mt-8">
      <h2 id="versions" className="text-lg font-semibold">
        Versions
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Every save keeps a version of the text (photos are not versioned). Times are in the venue’s zone.
      </p>
      {versions.length > 1 && (
        <form
          method="get"
          action={`/staff/summaries/${summary.id}/compare`}
          className="mt-3 flex flex-wrap items-end gap-3"
        >
          <VersionSelect id="from" label="Compare version" versions={versions} selected={versions[1]!.number} />
          <VersionSelect id="to" label="with version" versions={versions} selected={versions[0]!.number} />
          <Button variant="secondary">Compare</Button>
        </form>
      )}
      <div className="mt-3">
        <DataTable
          label="Versions of the summary"
          columns={['Version', 'Saved', 'By', 'What', ...(editable ? ['Restore'] : [])]}
        >
          {versions.map((version) => (
            <Tr key={version.number}>
              <Td>{version.number}</Td>
              <Td>{when(version.savedAt)}</Td>
              <Td>{version.savedByEmail ?? '—'}</Td>
              <Td>{version.note}</Td>
              {editable && (
                <Td>
                  {version.number !== summary.version && (
                    <ActionForm
                      action={restoreVersionAction.bind(null, summary.id, version.number)}
                      submitLabel={`Restore version ${version.number}`}
                      variant="secondary"
                    />
                  )}
                </Td>
              )}
            </Tr>
          ))}
        </DataTable>
      </div>
    </section>
  );
}

function VersionSelect({
  id,
  label,
  versions,
  selected,
}: {
  id: string;
  label: string;
  versions: { number: number }[];
  selected: number;
}) {
  return (
    <FormRow id={id} label={label}>
      <select id={id} name={id} defaultValue={selected} className={inputClass}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {v.number}
          </option>
        ))}
      </select>
    </FormRow>
  );
}
