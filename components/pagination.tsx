import Link from 'next/link';
import { Button } from '@/components/ui';

/**
 * Previous / next links and a "go to page" box for a long list. Links keep the list's other query parameters
 * (search and filters), so paging never loses them. Works without JavaScript.
 */
export function Pagination({
  label,
  basePath,
  params,
  page,
  pageSize,
  total,
}: {
  label: string;
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const href = (target: number) => {
    const query = new URLSearchParams(
      Object.entries({ ...params, page: target > 1 ? String(target) : undefined }).filter((e): e is [string, string] =>
        Boolean(e[1]),
      ),
    );
    const text = query.toString();
    return text ? `${basePath}?${text}` : basePath;
  };
  return (
    <nav aria-label={label} className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      {page > 1 ? <Link href={href(page - 1)}>← Previous page</Link> : null}
      <span>
        Page {Math.min(page, pages).toLocaleString('en')} of {pages.toLocaleString('en')}
      </span>
      {page < pages ? <Link href={href(page + 1)}>Next page →</Link> : null}
      <form method="get" action={basePath} className="flex items-center gap-2">
        {Object.entries(params).map(([name, value]) =>
          value ? <input key={name} type="hidden" name={name} value={value} /> : null,
        )}
        <label htmlFor={`${basePath}-page`} className="font-medium">
          Go to page
        </label>
        <input
          id={`${basePath}-page`}
          name="page"
          type="number"
          min={1}
          max={pages}
          defaultValue={page}
          className="min-h-10 w-24 rounded-md border border-slate-400 px-2"
        />
        <Button variant="secondary" size="md">
          Go
        </Button>
      </form>
    </nav>
  );
}
