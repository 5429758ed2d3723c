import { countryName } from '@/lib/countries';

// <option> lists shared by the staff forms: an empty choice first, then the items. Organisations have none: they
// grow with the directory, so forms search them on the server (components/people-picker.tsx).

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
