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

export function CountryOptions({ countries }: { countries: { code: string; name: string }[] }) {
  return (
    <>
      <option value="">—</option>
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </>
  );
}
