'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavItem {
  href: string;
  label: string;
}

/** `/wabas/123` keeps "WABAs" current; `/` is current only on the overview itself. */
function isCurrent(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}

const LINK_CLASS =
  'rounded-md px-3 py-2 text-sm font-medium hover:bg-slate-800 hover:text-white focus-visible:outline-white';

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap items-center gap-1">
      {items.map((item) => {
        const current = isCurrent(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? 'page' : undefined}
              // Two whole class lists rather than cn(): tailwind-merge would be on every page for this one link.
              className={
                current
                  ? `${LINK_CLASS} bg-slate-800 text-white underline decoration-2 underline-offset-8`
                  : `${LINK_CLASS} text-slate-200`
              }
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
