import { ActionFieldErrors, ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { Button, DataTable, RowHeader, Td, Tr } from '@/components/ui';
import type { getCouncil, RosterEntry } from '@/db/councils';
import { countryName } from '@/lib/countries';
import { formatDate } from '@/lib/datetime';
import { ROSTER_ROLE_LABELS } from '@/lib/domain';
import { endTermAction, setMemberGroupsAction } from '../actions';

type Council = NonNullable<Awaited<ReturnType<typeof getCouncil>>>;

/** Who is on the council on a given date, grouped by country or organisation; editors end terms and set groups. */
export function RosterSection({
  council,
  roster,
  groups,
  by,
  asOf,
  canEdit,
}: {
  council: Council;
  roster: RosterEntry[];
  groups: Map<string, RosterEntry[]>;
  by: 'country' | 'organisation';
  asOf: string;
  canEdit: boolean;
}) {
  const groupName = new Map(council.workingGroups.map((g) => [g.id, g.nameEn]));
  const dateOf = (d: string) => formatDate(new Date(`${d}T12:00:00Z`), 'UTC', 'en');
  return (
    <section aria-labelledby="roster" className="mt-8">
      <h2 id="roster" className="text-lg font-semibold">
        Roster on {dateOf(asOf)}
      </h2>
      <form method="get" className="mt-2 flex flex-wrap items-end gap-3" aria-label="Roster view">
        <FormRow id="roster-asOf" label="Members on date">
          <input id="roster-asOf" name="asOf" type="date" defaultValue={asOf} className={inputClass} />
        </FormRow>
        <FormRow id="roster-by" label="Group by">
          <select id="roster-by" name="by" defaultValue={by} className={inputClass}>
            <option value="country">Country</option>
            <option value="organisation">Organisation</option>
          </select>
        </FormRow>
        <Button>Show roster</Button>
      </form>
      <p className="mt-2 text-sm text-slate-700">
        {roster.length} member{roster.length === 1 ? '' : 's'} on {dateOf(asOf)}.
      </p>
      {[...groups]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([group, members]) => (
          <div key={group} className="mt-4">
            <h3 className="font-semibold">
              {group} ({members.length})
            </h3>
            <DataTable
              label={`Members: ${group}`}
              columns={[
                'Name',
                'Role',
                by === 'country' ? 'Organisation' : 'Country',
                'Term',
                'Working groups',
                canEdit && 'Changes',
              ]}
            >
              {members.map((m) => (
                <Tr key={m.id}>
                  <RowHeader>{m.name}</RowHeader>
                  <Td>{ROSTER_ROLE_LABELS[m.role]}</Td>
                  <Td>
                    {by === 'country'
                      ? (m.organisation ?? '—')
                      : m.country
                        ? countryName(m.country, 'en')
                        : 'International'}
                  </Td>
                  <Td>
                    {dateOf(m.termFrom)} – {m.termTo ? dateOf(m.termTo) : 'open'}
                  </Td>
                  <Td>{m.workingGroupIds.map((g) => groupName.get(g)).join(', ') || '—'}</Td>
                  {canEdit && (
                    <Td>
                      <ActionForm
                        action={endTermAction.bind(null, m.id)}
                        variant="secondary"
                        submitLabel={
                          <>
                            End term<span className="sr-only"> of {m.name}</span>
                          </>
                        }
                      >
                        <label htmlFor={`end-${m.id}`} className="sr-only">
                          Last day of {m.name}’s term
                        </label>
                        <input
                          id={`end-${m.id}`}
                          name="termTo"
                          type="date"
                          defaultValue={asOf}
                          aria-describedby={`end-${m.id}-error`}
                          className={inputClass}
                        />
                        <ActionFieldErrors field="termTo" id={`end-${m.id}-error`} />
                      </ActionForm>
                      {council.workingGroups.length > 0 && (
                        <ActionForm
                          action={setMemberGroupsAction.bind(null, m.id)}
                          variant="secondary"
                          submitLabel={
                            <>
                              Save groups<span className="sr-only"> of {m.name}</span>
                            </>
                          }
                          className="mt-2 flex flex-wrap items-center gap-2"
                        >
                          <fieldset aria-describedby={`groups-${m.id}-error`}>
                            <legend className="sr-only">Working groups of {m.name}</legend>
                            {council.workingGroups.map((g) => (
                              <label key={g.id} className="mr-3 inline-flex items-center gap-1">
                                <input
                                  type="checkbox"
                                  name="workingGroupIds"
                                  value={g.id}
                                  defaultChecked={m.workingGroupIds.includes(g.id)}
                                />
                                {g.nameEn}
                              </label>
                            ))}
                            <ActionFieldErrors field="workingGroupIds" id={`groups-${m.id}-error`} />
                          </fieldset>
                        </ActionForm>
                      )}
                    </Td>
                  )}
                </Tr>
              ))}
            </DataTable>
          </div>
        ))}
    </section>
  );
}
