import type { ReactNode } from 'react';
import { ActionForm } from '@/components/action-form';
import { inputClass } from '@/components/field';
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
    <section aria-labelledby="merge" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="merge" className="text-lg font-semibold">
        {heading}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{explanation}</p>
      <form method="get" role="search" aria-label="Find a duplicate" className="mt-3 flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="duplicate-search" className="text-sm font-medium">
            {searchLabel}
          </label>
          <input id="duplicate-search" name="dup" type="search" defaultValue={search} className={inputClass} />
        </div>
        <button
          type="submit"
          className="min-h-10 rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          Find
        </button>
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
    </section>
  );
}
