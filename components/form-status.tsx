'use client';

import { useLayoutEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Notice } from '@/components/ui/notice';
import { errorMessage, type ActionWords } from '@/lib/action-messages';
import type { FormState } from '@/lib/form-state';

// Success notices replace each other: a page with many small forms (reorder, link, remove) showed one "done" per
// form pressed, and a notice from the address (?saved=1) stayed beside them. Each success announces itself here;
// only the latest stays. Without JavaScript a page shows one answer anyway (the form just posted).
let version = 0;
const announced = new WeakMap<object, number>();
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const useLatestVersion = () =>
  useSyncExternalStore(
    subscribe,
    () => version,
    () => 0,
  );

function announce(outcome: object) {
  announced.set(outcome, ++version);
  for (const listener of listeners) listener();
}

/**
 * The outcome of a form submission, announced to screen readers where it appears. Refusals are worded in English
 * unless the page passes its own `words` (a delegate's page, in the delegate's language). A success is hidden once
 * another form on the page succeeds.
 */
export function FormStatus({ state, words }: { state: FormState; words?: ActionWords }) {
  const latest = useLatestVersion();
  // Before paint, so the older notice and the newer never show together.
  useLayoutEffect(() => {
    if (state.status === 'success' && !announced.has(state)) announce(state);
  }, [state]);
  const mine = announced.get(state);
  return (
    <div aria-live="polite" aria-atomic="true">
      {state.status === 'error' && (
        <Notice tone="danger" role="status">
          {errorMessage(state, words)}
        </Notice>
      )}
      {state.status === 'success' && (mine === undefined || mine === latest) && (
        <Notice tone="success" role="status">
          {state.message}
        </Notice>
      )}
    </div>
  );
}

/** A success notice the page shows from its address (?saved=1): it gives way to the next form's success. */
export function PageNotice({ children, className, size }: { children: ReactNode; className?: string; size?: 'md' }) {
  const latest = useLatestVersion();
  // What had been announced when this notice appeared (0 on the server, where nothing ever is).
  const [shownAt] = useState(() => version);
  if (latest > shownAt) return null;
  return (
    <Notice tone="success" role="status" size={size} className={className}>
      {children}
    </Notice>
  );
}
