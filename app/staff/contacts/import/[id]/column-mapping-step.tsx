import { ActionForm } from '@/components/action-form';
import { inputClass } from '@/components/field';
import { Card } from '@/components/ui';
import type { ContactImport } from '@/db/schema';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ColumnMapping } from '@/lib/contact-import';
import { saveImportMappingAction } from '../actions';

/** Step 1: which column of the file holds which field (guessed from the header row, corrected here). */
export function ColumnMappingStep({ batch }: { batch: ContactImport }) {
  const mapping = batch.mapping as ColumnMapping;
  return (
    <section aria-labelledby="columns" className="mt-4">
      <h2 id="columns" className="text-lg font-semibold">
        Which column holds what?
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-700">
        {batch.mappingConfirmed
          ? 'Change what a column is read as; the preview follows.'
          : 'Some column headers were not recognised. Choose what each column holds; name and email are needed.'}
      </p>
      <ActionForm
        action={saveImportMappingAction.bind(null, batch.id)}
        submitLabel="Use these columns"
        className="mt-3 flex flex-col gap-3"
      >
        <div className="grid gap-3 sm:grid-cols-2">
          {batch.headers.map((header, index) => {
            const samples = batch.rows
              .slice(0, 3)
              .map((row) => row[index]?.trim())
              .filter(Boolean)
              .join(' · ');
            return (
              <Card compact key={index} className="flex flex-col gap-1">
                <label htmlFor={`column-${index}`} className="text-sm font-medium">
                  Column {index + 1}: “{header || '(no header)'}”
                </label>
                <p id={`column-${index}-samples`} className="text-sm break-words text-slate-700">
                  {samples ? `For example: ${samples}` : 'Empty in the first rows.'}
                </p>
                <select
                  id={`column-${index}`}
                  name="column"
                  defaultValue={mapping[index] ?? ''}
                  aria-describedby={`column-${index}-samples`}
                  className={inputClass}
                >
                  <option value="">Ignore this column</option>
                  {IMPORT_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {IMPORT_FIELD_LABELS[field]}
                    </option>
                  ))}
                </select>
              </Card>
            );
          })}
        </div>
      </ActionForm>
    </section>
  );
}
