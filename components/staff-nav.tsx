'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function StaffNav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Staff">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {items.map((item) => {
          const current =
            item.href === '/staff' ? pathname === '/staff' : pathname.startsWith(item.href) && item.href !== '/';
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className="text-white no-underline hover:underline aria-[current=page]:underline aria-[current=page]:decoration-2 hover:text-white"
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
