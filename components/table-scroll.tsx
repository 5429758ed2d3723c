import type { ReactNode } from 'react';

/**
 * A wide table's scrolling box. On a phone it scrolls sideways, so it must be reachable by keyboard (WCAG 2.1.1):
 * focusable, and named for the screen reader that lands on it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="group"
      aria-label={label}
      tabIndex={0}
      className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white"
    >
      {children}
    </div>
  );
}
