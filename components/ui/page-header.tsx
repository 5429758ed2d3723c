import Link from 'next/link';
import type { ReactNode } from 'react';

const join = (...classes: (string | false | undefined)[]) => classes.filter(Boolean).join(' ') || undefined;

/**
 * A page's title (its one h1), with an optional way back above it, a line under it, and actions (links, buttons)
 * beside it. Texts come in as props, so public pages can pass translated ones.
 */
export function PageHeader({
  title,
  back,
  subtitle,
  actions,
  className,
}: {
  title: ReactNode;
  back?: { href: string; label: ReactNode };
  subtitle?: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  const heading = (
    <>
      <h1 className="text-2xl font-semibold">{title}</h1>
      {subtitle}
    </>
  );
  const wrapper = join(
    back && 'mt-2',
    Boolean(actions) && 'flex flex-wrap items-start justify-between gap-3',
    className,
  );
  return (
    <>
      {back && (
        <p className="no-print text-sm">
          <Link href={back.href}>{back.label}</Link>
        </p>
      )}
      {wrapper ? (
        <div className={wrapper}>
          {actions ? <div>{heading}</div> : heading}
          {actions}
        </div>
      ) : (
        heading
      )}
    </>
  );
}
