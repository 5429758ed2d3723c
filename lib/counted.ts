// Counted labels on the staff pages (English): one place for "1 contact" / "2 contacts".

/** A count with its noun: "1 contact", "1,204 contacts". */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/**
 * The label of a list's CSV export: "Export these 12 contacts as CSV" under a filter, "Export all 12 contacts as
 * CSV" without; a single row is "this contact" or "the one contact", never "these 1 contact".
 */
export function exportLabel(total: number, filtered: boolean, one: string, many = `${one}s`): string {
  if (total === 1) return `Export ${filtered ? 'this' : 'the one'} ${one} as CSV`;
  return `Export ${filtered ? 'these' : 'all'} ${counted(total, one, many)} as CSV`;
}
