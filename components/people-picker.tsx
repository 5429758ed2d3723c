'use client';

import { useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { ActionFieldErrors } from '@/components/action-form';
import { inputClass } from '@/components/field';
import { buttonClass } from '@/components/ui/button';

/** A contact as the picker shows it (db/contact-queries ContactChoice); the details only tell namesakes apart. */
export type PickerPerson = {
  id: string;
  name: string;
  nameLatin?: string | null;
  organisation?: string | null;
  country?: string | null;
};

/**
 * A picker a form's fields are handed: what it starts with (services/people-picker.ts `pickerState`) and where its
 * no-JavaScript search goes.
 */
export type PickerSetup = {
  chosen: PickerPerson[];
  query?: string;
  results?: PickerPerson[] | null;
  find: { action: string; value: string };
};

/** Where each kind of picker searches (route handlers answering `?q=` with `{ results }`), and what it finds. */
export const PICKER_KINDS = {
  people: { url: '/staff/contacts/search', one: 'person', many: 'people' },
  organisations: { url: '/staff/organisations/search', one: 'organisation', many: 'organisations' },
} as const;
type PickerKind = (typeof PICKER_KINDS)[keyof typeof PICKER_KINDS];
const DEBOUNCE_MS = 200;

export const describePerson = (p: PickerPerson) =>
  [p.nameLatin && p.nameLatin !== p.name ? p.nameLatin : null, p.organisation, p.country].filter(Boolean).join(' · ');

const noSubscription = () => () => {};

const plural = (n: number, kind: PickerKind) => (n === 1 ? `1 ${kind.one}` : `${n} ${kind.many}`);

/**
 * Choosing people from the directory, which is searched on the server (never listed in the page, so the page weighs
 * the same at 200 contacts or 20,000).
 *
 * With JavaScript: an ARIA 1.2 combobox with a listbox popup (↓/↑ move, Home/End jump, Enter chooses, Escape closes
 * then clears), result counts announced in a live region, and the chosen people as an ordered list with ↑/↓/remove
 * buttons; their order is the order of the hidden inputs, so the form posts it. Without JavaScript (and until the
 * page hydrates): the chosen people as ticked boxes, a search field and a Search button that submits the whole form
 * by GET to `find.action`, whose page renders the matches (`results`) as boxes to tick, then the normal POST.
 */
export function PeoplePicker({
  id,
  name,
  label,
  kind = 'people',
  multiple = false,
  max = 50,
  chosen: initialChosen,
  query = '',
  results = null,
  find,
}: {
  id: string;
  /** The form field the chosen ids are posted as (repeated, in order, when `multiple`). */
  name: string;
  label: string;
  /** People from the directory (the default), or organisations. */
  kind?: keyof typeof PICKER_KINDS;
  multiple?: boolean;
  max?: number;
  chosen: PickerPerson[];
  /** Without JavaScript: the search text the page was asked for, and what it found. */
  query?: string;
  results?: PickerPerson[] | null;
  /** Without JavaScript: where the Search button sends the form (GET), and its `find` value (which form asked). */
  find: { action: string; value: string };
}) {
  // False in the server's HTML and in the first render of hydration, true after: the fallback until then.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const errorId = `${id}-error`;

  if (!hydrated) {
    const chosenIds = new Set(initialChosen.map((p) => p.id));
    const found = (results ?? []).filter((p) => !chosenIds.has(p.id));
    const box = (p: PickerPerson, checked: boolean) => (
      <label key={p.id} className="flex items-baseline gap-2">
        <input type={multiple ? 'checkbox' : 'radio'} name={name} value={p.id} defaultChecked={checked} />
        <span>
          {p.name} <span className="text-sm text-slate-700">{describePerson(p)}</span>
        </span>
      </label>
    );
    return (
      <fieldset className="flex flex-col gap-1" aria-describedby={errorId}>
        <legend className="text-sm font-medium">{label}</legend>
        {!multiple && (
          // So that "nobody" is a choice too, and the field is always posted.
          <label className="flex items-baseline gap-2">
            <input type="radio" name={name} value="" defaultChecked={initialChosen.length === 0} />
            <span>None</span>
          </label>
        )}
        {initialChosen.map((p) => box(p, true))}
        <div className="flex flex-wrap items-end gap-2">
          <label htmlFor={id} className="text-sm">
            Find by name
          </label>
          <input
            id={id}
            name={`${name}Search`}
            type="search"
            defaultValue={query}
            className={`${inputClass} w-auto flex-1`}
          />
          <button
            type="submit"
            formMethod="get"
            formAction={find.action}
            formNoValidate
            name="find"
            value={find.value}
            className={buttonClass({ variant: 'secondary' })}
          >
            Search<span className="sr-only"> {label}</span>
          </button>
        </div>
        {results !== null && (
          <div aria-live="polite">
            {found.length === 0 ? (
              <p className="text-sm text-slate-700">No one else found for “{query}”.</p>
            ) : (
              <>
                <p className="text-sm text-slate-700">
                  {plural(found.length, PICKER_KINDS[kind])} found for “{query}”: tick to add
                  {multiple ? ' (in this order)' : ''}.
                </p>
                {found.map((p) => box(p, false))}
              </>
            )}
          </div>
        )}
        <ActionFieldErrors field={name} id={errorId} />
      </fieldset>
    );
  }
  return (
    <Combobox
      kind={PICKER_KINDS[kind]}
      id={id}
      name={name}
      label={label}
      multiple={multiple}
      max={max}
      initialChosen={initialChosen}
      errorId={errorId}
    />
  );
}

function Combobox({
  kind,
  id,
  name,
  label,
  multiple,
  max,
  initialChosen,
  errorId,
}: {
  kind: PickerKind;
  id: string;
  name: string;
  label: string;
  multiple: boolean;
  max: number;
  initialChosen: PickerPerson[];
  errorId: string;
}) {
  const [chosen, setChosen] = useState(initialChosen);
  const [text, setText] = useState('');
  const [options, setOptions] = useState<PickerPerson[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const listId = `${useId()}-list`;
  const optionId = (index: number) => `${listId}-${index}`;
  const chosenIds = new Set(chosen.map((p) => p.id));

  // The form is reset after a successful save (components/action-form.tsx): the picker goes back to what the page
  // now says (nobody on a blank form, the saved people on an edit form), as the other fields do.
  const latestInitial = useRef(initialChosen);
  // Before the form's own layout effect resets it (children's run first).
  useLayoutEffect(() => {
    latestInitial.current = initialChosen;
  }, [initialChosen]);
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const onReset = () => {
      setChosen(latestInitial.current);
      setText('');
      setOptions([]);
      setOpen(false);
    };
    form.addEventListener('reset', onReset);
    return () => form.removeEventListener('reset', onReset);
  }, []);

  useEffect(() => {
    const search = text.trim();
    if (!search) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      setStatus('Searching…');
      try {
        const response = await fetch(`${kind.url}?${new URLSearchParams({ q: search })}`, { signal: abort.signal });
        if (!response.ok) throw new Error(String(response.status));
        const { results } = (await response.json()) as { results: PickerPerson[] };
        setOptions(results);
        setActive(-1);
        setOpen(true);
        setStatus(
          results.length
            ? `${plural(results.length, kind)} found${results.length >= 20 ? ' (the first 20: type more to narrow)' : ''}. Use the up and down arrows to choose.`
            : 'No one found.',
        );
      } catch (error) {
        if (!abort.signal.aborted) setStatus(`The search failed (${String(error)}). Try again.`);
      }
    }, DEBOUNCE_MS);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [text, kind]);

  const choose = (person: PickerPerson) => {
    if (chosenIds.has(person.id)) {
      setStatus(`${person.name} is already chosen.`);
    } else if (multiple && chosen.length >= max) {
      setStatus(`At most ${max} ${kind.many}: remove one first.`);
    } else {
      setChosen(multiple ? [...chosen, person] : [person]);
      setStatus(multiple ? `${person.name} added, number ${chosen.length + 1}.` : `${person.name} chosen.`);
    }
    setText('');
    setOpen(false);
    setActive(-1);
    setOptions([]);
    input.current?.focus();
  };

  const move = (index: number, by: -1 | 1) => {
    const next = [...chosen];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    setChosen(next);
    setStatus(`${chosen[index]!.name} moved to number ${index + by + 1}.`);
  };

  const remove = (index: number) => {
    setChosen(chosen.filter((_, i) => i !== index));
    setStatus(`${chosen[index]!.name} removed.`);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = options.length - 1;
    const go = (index: number) => {
      event.preventDefault();
      if (options.length === 0) return;
      setOpen(true);
      setActive(index);
      document.getElementById(optionId(index))?.scrollIntoView({ block: 'nearest' });
    };
    switch (event.key) {
      case 'ArrowDown':
        return go(!open || active >= last ? 0 : active + 1);
      case 'ArrowUp':
        return go(!open || active <= 0 ? last : active - 1);
      case 'Home':
        if (open && active >= 0) go(0);
        return;
      case 'End':
        if (open && active >= 0) go(last);
        return;
      case 'Enter':
        // Enter chooses; it never submits the whole form from here.
        event.preventDefault();
        if (open && active >= 0) choose(options[active]!);
        return;
      case 'Escape':
        event.preventDefault();
        if (open) setOpen(false);
        else setText('');
        setActive(-1);
        return;
    }
  };

  const expanded = open && options.length > 0;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {!multiple && chosen.length === 0 && <input type="hidden" name={name} value="" />}
      {chosen.length > 0 && (
        <ol aria-label={`Chosen: ${label}`} className="flex flex-col gap-1">
          {chosen.map((p, index) => (
            <li key={p.id} className="flex flex-wrap items-center gap-1 rounded-md bg-slate-100 px-2 py-1">
              <input type="hidden" name={name} value={p.id} />
              <span className="flex-1">
                {multiple && chosen.length > 1 && <span className="text-slate-700">{index + 1}. </span>}
                {p.name} <span className="text-sm text-slate-700">{describePerson(p)}</span>
              </span>
              {multiple && index > 0 && (
                <button type="button" onClick={() => move(index, -1)} className={buttonClass({ variant: 'secondary' })}>
                  ↑<span className="sr-only"> Move {p.name} up</span>
                </button>
              )}
              {multiple && index < chosen.length - 1 && (
                <button type="button" onClick={() => move(index, 1)} className={buttonClass({ variant: 'secondary' })}>
                  ↓<span className="sr-only"> Move {p.name} down</span>
                </button>
              )}
              <button type="button" onClick={() => remove(index)} className={buttonClass({ variant: 'secondary' })}>
                ✕<span className="sr-only"> Remove {p.name}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="relative">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-hint ${errorId}`}
          placeholder="Type part of a name, in either script"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (!event.target.value.trim()) {
              setOpen(false);
              setOptions([]);
              setStatus('');
            }
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => options.length > 0 && setOpen(true)}
          className={inputClass}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={`${label}: ${kind.many} found`}
          hidden={!expanded}
          className="absolute z-10 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-400 bg-white shadow-lg"
        >
          {options.map((p, index) => (
            <li
              key={p.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              aria-disabled={chosenIds.has(p.id) || undefined}
              // Keeps the focus in the field, so the list is not closed by the blur before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(p)}
              className={`cursor-pointer px-3 py-2 ${index === active ? 'bg-brand-700 text-white' : ''} aria-disabled:opacity-60`}
            >
              {p.name}{' '}
              <span className={index === active ? 'text-sm' : 'text-sm text-slate-700'}>{describePerson(p)}</span>
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {multiple
          ? `Chosen ${kind.many} keep the order shown; use ↑ and ↓ to change it.`
          : `Search, then choose one ${kind.one}.`}
      </p>
      {/* A live region without role="status": the form's own outcome is the status a page's tests and tools look for. */}
      <div aria-live="polite" className="sr-only">
        {status}
      </div>
      <ActionFieldErrors field={name} id={errorId} />
    </div>
  );
}
