import Link from 'next/link';
import { ActionFieldErrors, ActionForm } from '@/components/action-form';
import { CountryOptions } from '@/components/choice-options';
import { FormRow, inputClass } from '@/components/field';
import { PeoplePicker } from '@/components/people-picker';
import { Card } from '@/components/ui';
import type { getCouncil } from '@/db/councils';
import { ROSTER_ROLE_LABELS, ROSTER_ROLES } from '@/lib/domain';
import type { PickerFallback } from '@/services/people-picker';
import { addMemberAction } from '../actions';
import { pickerState } from '@/services/people-picker';

type Council = NonNullable<Awaited<ReturnType<typeof getCouncil>>>;

/** Adding a person (already in Contacts) to the roster, with their role, nomination, term and working groups. */
export function AddMemberSection({
  council,
  fallback,
  countries,
  today,
}: {
  council: Council;
  /** What a no-JavaScript search sent back, by field (components/people-picker.tsx). */
  fallback: Record<string, PickerFallback> | null;
  countries: { code: string; name: string }[];
  today: string;
}) {
  return (
    <Card as="section" aria-labelledby="add-member" className="mt-8">
      <h2 id="add-member" className="text-lg font-semibold">
        Add to the roster
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        The person must be in <Link href="/staff/contacts">Contacts</Link> first.
      </p>
      <ActionForm
        action={addMemberAction.bind(null, council.id)}
        submitLabel="Add to roster"
        className="mt-3 grid gap-3 sm:grid-cols-2"
      >
        <div className="sm:col-span-2">
          <PeoplePicker
            id="member-contact"
            name="contactId"
            label="Person"
            {...pickerState(fallback?.contactId)}
            find={{ action: `/staff/councils/${council.id}#add-member`, value: 'member' }}
          />
        </div>
        <FormRow id="member-role" label="Role on the council">
          <select id="member-role" name="role" defaultValue="national_expert" className={inputClass}>
            {ROSTER_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROSTER_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow id="member-country" label="Nominated by (state)">
          <select id="member-country" name="nominatedByCountry" defaultValue="" className={inputClass}>
            <CountryOptions countries={countries} />
          </select>
        </FormRow>
        <PeoplePicker
          kind="organisations"
          id="member-organisation"
          name="nominatedByOrganisationId"
          label="Nominated by (organisation)"
          {...pickerState(fallback?.nominatedByOrganisationId)}
          find={{ action: `/staff/councils/${council.id}#add-member`, value: 'member' }}
        />
        <FormRow id="member-from" label="Term from">
          <input id="member-from" name="termFrom" type="date" defaultValue={today} className={inputClass} />
        </FormRow>
        <FormRow id="member-to" label="Term to (optional)">
          <input id="member-to" name="termTo" type="date" className={inputClass} />
        </FormRow>
        {council.workingGroups.length > 0 && (
          <fieldset className="sm:col-span-2" aria-describedby="member-groups-error">
            <legend className="text-sm font-medium">Working groups</legend>
            {council.workingGroups.map((g) => (
              <label key={g.id} className="mr-4 inline-flex items-center gap-1">
                <input type="checkbox" name="workingGroupIds" value={g.id} />
                {g.nameEn}
              </label>
            ))}
            <ActionFieldErrors field="workingGroupIds" id="member-groups-error" />
          </fieldset>
        )}
      </ActionForm>
    </Card>
  );
}
