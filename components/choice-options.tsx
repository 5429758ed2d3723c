import { countryName } from '@/lib/countries';

// <option> lists shared by the staff forms: an empty choice first, then the items.

function organisationLabel(o: { nameEn: string; acronym: string | null }): string {
  return o.acronym ? `${o.acronym} — ${o.nameEn}` : o.nameEn;
}

export function OrganisationOptions({
  organisations,
}: {
  organisations: { id: string; nameEn: string; acronym: string | null }[];
}) {
  return (
    <>
      <option value="">—</option>
      {organisations.map((o) => (
        <option key={o.id} value={o.id}>
          {organisationLabel(o)}
        </option>
      ))}
    </>
  );
}

/**
 * The States; a stored code that is none of them (a territory saved before the UN list) stays selected under its
 * name, so saving the form refuses it and asks for a State instead of silently clearing it.
 */
export function CountryOptions({
  countries,
  current,
}: {
  countries: { code: string; name: string }[];
  current?: string | null;
}) {
  return (
    <>
      <option value="">—</option>
      {current && !countries.some((c) => c.code === current) && (
        <option value={current}>{countryName(current, 'en')} (not a State: choose one)</option>
      )}
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </>
  );
}
