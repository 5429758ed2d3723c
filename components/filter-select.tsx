import { FormRow, inputClass } from '@/components/field';
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES } from '@/lib/domain';

/** One filter of a list's GET search form: a labelled select whose first choice ("—") means "any". */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <FormRow id={id} label={label}>
      <select id={id} name={name} defaultValue={value ?? ''} className={inputClass}>
        <option value="">—</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormRow>
  );
}

/** The types of organisation as FilterSelect options. */
export const ORGANISATION_TYPE_OPTIONS = ORGANISATION_TYPES.map((type) => ({
  value: type,
  label: ORGANISATION_TYPE_LABELS[type],
}));
