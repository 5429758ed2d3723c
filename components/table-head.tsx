/** A data table's header row: column names as `th scope="col"`, hidden ones (null) left out. */
export function TableHead({ columns }: { columns: (string | null | false)[] }) {
  return (
    <thead className="bg-slate-100 text-slate-800">
      <tr>
        {columns.filter(Boolean).map((name) => (
          <th key={name as string} scope="col" className="px-3 py-2">
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}
