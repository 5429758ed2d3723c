import type { ReactNode, TdHTMLAttributes } from 'react';

/**
 * A data table in its scrolling box, with a header row of column names (`th scope="col"`; hidden columns passed as
 * null or false are left out). On a phone the box scrolls sideways, so it must be reachable by keyboard (WCAG 2.1.1):
 * focusable, and named for the screen reader that lands on it. Children are the body's rows (Tr).
 */
export function DataTable({
  label,
  columns,
  caption,
  children,
}: {
  label: string;
  columns: (string | null | false)[];
  /** Read by screen readers only (the page shows the same facts in its own words). */
  caption?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      tabIndex={0}
      className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white"
    >
      <table className="w-full text-left text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            {columns.filter(Boolean).map((name) => (
              <th key={name as string} scope="col" className="px-3 py-2">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A body row of a DataTable. */
export function Tr({ children }: { children: ReactNode }) {
  return <tr className="border-t border-slate-200 align-top">{children}</tr>;
}

/** A cell of a DataTable. */
export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={className ? `px-3 py-2 ${className}` : 'px-3 py-2'} {...props} />;
}

/** The cell that names its row (`th scope="row"`). */
export function RowHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="px-3 py-2 font-medium">
      {children}
    </th>
  );
}
