import { CountryOptions } from '@/components/choice-options';
import { FormRow, inputClass } from '@/components/field';
import { PeoplePicker } from '@/components/people-picker';
import type { WorkingGroupChoice } from '@/db/roster-bulk';
import { ROSTER_ROLE_LABELS, ROSTER_ROLES } from '@/lib/domain';
import type { PickerFallback } from '@/services/people-picker';
import { pickerState } from '@/services/people-picker';

/**
 * The one form for roster terms given in bulk (lib/schemas/roster.ts): the council (or a fixed one), role,
 * nominating state or organisation, term and working group. Used on the directory, a council's page and a contact's.
 */
export function RosterTermFields({
  idPrefix,
  councils,
  councilId,
  nominatedBy,
  typed,
  countries,
  workingGroups,
  today,
}: {
  idPrefix: string;
  /** Offered as a choice when no `councilId` is fixed. */
  councils: { id: string; nameEn: string }[];
  councilId?: string;
  /**
   * The nominating organisation's picker (searched on the server, never listed): where its no-JavaScript search goes,
   * and what that search sent back (services/people-picker.ts).
   */
  nominatedBy: { find: { action: string; value: string }; fallback?: PickerFallback };
  /** What was typed before a no-JavaScript search reloaded the page (services/people-picker.ts echoedValues). */
  typed?: Record<string, string> | null;
  countries: { code: string; name: string }[];
  workingGroups: WorkingGroupChoice[];
  today: string;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const groups = councilId ? workingGroups.filter((g) => g.councilId === councilId) : workingGroups;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {councilId ? (
        <input type="hidden" name="councilId" value={councilId} />
      ) : (
        <FormRow id={id('council')} label="Council">
          <select
            id={id('council')}
            name="councilId"
            defaultValue={typed?.councilId ?? (councils.length === 1 ? councils[0]!.id : '')}
            className={inputClass}
          >
            {councils.length !== 1 && <option value="">—</option>}
            {councils.map((c) => (
              <option key={c.id} value={c.id}>
                {c.nameEn}
              </option>
            ))}
          </select>
        </FormRow>
      )}
      <FormRow id={id('role')} label="Role on the council">
        <select id={id('role')} name="role" defaultValue={typed?.role ?? 'national_expert'} className={inputClass}>
          {ROSTER_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROSTER_ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </FormRow>
      <FormRow id={id('country')} label="Nominated by (state)">
        <select
          id={id('country')}
          name="nominatedByCountry"
          defaultValue={typed?.nominatedByCountry ?? ''}
          className={inputClass}
        >
          <CountryOptions countries={countries} />
        </select>
      </FormRow>
      <PeoplePicker
        kind="organisations"
        id={id('organisation')}
        name="nominatedByOrganisationId"
        label="Nominated by (organisation)"
        {...pickerState(nominatedBy.fallback)}
        find={nominatedBy.find}
      />
      <FormRow id={id('from')} label="Term from">
        <input
          id={id('from')}
          name="termFrom"
          type="date"
          defaultValue={typed?.termFrom ?? today}
          className={inputClass}
        />
      </FormRow>
      <FormRow id={id('to')} label="Term to (optional)">
        <input id={id('to')} name="termTo" type="date" defaultValue={typed?.termTo ?? ''} className={inputClass} />
      </FormRow>
      {groups.length > 0 && (
        <FormRow id={id('group')} label="Working group (optional)">
          <select
            id={id('group')}
            name="workingGroupId"
            defaultValue={typed?.workingGroupId ?? ''}
            className={inputClass}
          >
            <option value="">—</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </FormRow>
      )}
    </div>
  );
}
