import { CountryOptions } from '@/components/choice-options';
import { FormRow, inputClass } from '@/components/field';
import { PeoplePicker, type PickerSetup } from '@/components/people-picker';
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES } from '@/lib/domain';
import type { OrganisationField, OrganisationValues } from '@/lib/schemas/organisation';

/** What the fields start with: a stored organisation's values, or what was typed before a no-JavaScript search. */
export type OrganisationDefaults = Partial<Record<Exclude<OrganisationField, 'parentId'>, string | null>>;

export const organisationDefaults = (organisation: OrganisationValues): OrganisationDefaults => organisation;

/** The organisation form's fields (server-rendered, inside an ActionForm). */
export function OrganisationFields({
  idPrefix,
  organisation,
  parent,
  countries,
}: {
  idPrefix: string;
  organisation?: OrganisationDefaults;
  /**
   * The parent's picker (searched on the server, never listed): the one chosen, and where its no-JavaScript search
   * goes with what it sent back (services/people-picker.ts). The data layer refuses a loop.
   */
  parent: PickerSetup;
  countries: { code: string; name: string }[];
}) {
  const field = (name: string, label: string, control: React.ReactNode, hint?: string) => (
    <FormRow id={`${idPrefix}-${name}`} label={label} hint={hint}>
      {control}
    </FormRow>
  );
  return (
    <div className="grid w-full gap-3 sm:grid-cols-2">
      {field(
        'nameEn',
        'Name in English',
        <input
          id={`${idPrefix}-nameEn`}
          name="nameEn"
          defaultValue={organisation?.nameEn ?? ''}
          className={inputClass}
        />,
      )}
      {field(
        'nameRu',
        'Name in Russian',
        <input
          id={`${idPrefix}-nameRu`}
          name="nameRu"
          lang="ru"
          defaultValue={organisation?.nameRu ?? ''}
          className={inputClass}
        />,
      )}
      {field(
        'acronym',
        'Acronym',
        <input
          id={`${idPrefix}-acronym`}
          name="acronym"
          defaultValue={organisation?.acronym ?? ''}
          className={inputClass}
        />,
      )}
      {field(
        'acronymRu',
        'Acronym in Russian',
        <input
          id={`${idPrefix}-acronymRu`}
          name="acronymRu"
          lang="ru"
          defaultValue={organisation?.acronymRu ?? ''}
          className={inputClass}
        />,
      )}
      {field(
        'type',
        'Type',
        <select
          id={`${idPrefix}-type`}
          name="type"
          defaultValue={organisation?.type ?? 'government'}
          className={inputClass}
        >
          {ORGANISATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {ORGANISATION_TYPE_LABELS[type]}
            </option>
          ))}
        </select>,
      )}
      {field(
        'country',
        'Country',
        <select
          id={`${idPrefix}-country`}
          name="country"
          defaultValue={organisation?.country ?? ''}
          aria-describedby={`${idPrefix}-country-hint`}
          className={inputClass}
        >
          <CountryOptions countries={countries} current={organisation?.country} />
        </select>,
        'None (—) for an international body.',
      )}
      <div className="sm:col-span-2">
        <PeoplePicker
          kind="organisations"
          id={`${idPrefix}-parentId`}
          name="parentId"
          label="Part of"
          chosen={parent.chosen}
          query={parent.query}
          results={parent.results ?? null}
          find={parent.find}
        />
        <p className="mt-1 text-sm text-slate-700">For a department: the ministry or body it belongs to.</p>
      </div>
      {field(
        'website',
        'Website',
        <input
          id={`${idPrefix}-website`}
          name="website"
          type="url"
          defaultValue={organisation?.website ?? ''}
          className={inputClass}
        />,
      )}
      <div className="sm:col-span-2">
        {field(
          'notes',
          'Notes',
          <textarea
            id={`${idPrefix}-notes`}
            name="notes"
            rows={3}
            defaultValue={organisation?.notes ?? ''}
            className={inputClass}
          />,
        )}
      </div>
    </div>
  );
}
