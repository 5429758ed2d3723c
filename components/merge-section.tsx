import type { ReactNode } from 'react';
import { ActionForm } from '@/components/action-form';
import { FormRow, inputClass } from '@/components/field';
import { Button, Card } from '@/components/ui';
import type { FormState } from '@/lib/form-state';

/**
 * "Merge a duplicate into this …": a search for the duplicate (a plain GET form, so it works without JavaScript)
 * and, for each candidate, a button that merges it into the record whose page this is.
 */
export function MergeSection({
  heading,
  explanation,
  searchLabel,
  search,
  noun,
  similarText,
  candidates,
  merge,
}: {
  heading: string;
  explanation: string;
  searchLabel: string;
  search: string;
  /** "contact", "organisation" */
  noun: string;
  /** What the suggestions have in common when nothing was searched: "a name like this one". */
  similarText: string;
  candidates: { id: string; description: ReactNode; mergeLabel: string }[];
  merge: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const plural = `${noun[0]!.toUpperCase()}${noun.slice(1)}s`;
  return (
    <Card as="section" aria-labelledby="merge" className="mt-8">
      <h2 id="merge" className="text-lg font-semibold">
        {heading}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{explanation}</p>
      <form method="get" role="search" aria-label="Find a duplicate" className="mt-3 flex flex-wrap items-end gap-2">
        <FormRow id="duplicate-search" label={searchLabel}>
          <input id="duplicate-search" name="dup" type="search" defaultValue={search} className={inputClass} />
        </FormRow>
        <Button variant="secondary">Find</Button>
      </form>
      <p className="mt-3 text-sm text-slate-700">
        {candidates.length === 0
          ? search
            ? `No other ${noun} matches “${search}”.`
            : `No other ${noun} has ${similarText}. Search above to find a duplicate.`
          : search
            ? `${plural} matching “${search}”:`
            : `${plural} with ${similarText}:`}
      </p>
      <ul className="mt-2 space-y-2">
        {candidates.map((candidate) => (
          <li
            key={candidate.id}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-3"
          >
            <span>{candidate.description}</span>
            <ActionForm action={merge} submitLabel={candidate.mergeLabel} variant="secondary">
              <input type="hidden" name="mergeId" value={candidate.id} />
            </ActionForm>
          </li>
        ))}
      </ul>
    </Card>
  );
}
