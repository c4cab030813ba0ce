'use client';

import { Menu, X } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useState } from 'react';

/**
 * Below the md breakpoint the header's links, the signed-in person and Sign out do not fit in one row (at
 * 390 px Sign out was cut off): they move behind a "Menu" disclosure button. A disclosure, not an ARIA menu,
 * because its content is site navigation and a button — Tab reaches everything in order. Closes on
 * navigation.
 */
export function NarrowMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the reaction to a new pathname
  useEffect(() => setOpen(false), [pathname]);
  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="narrow-menu"
        onClick={() => setOpen((v) => !v)}
        className="inline-flex items-center gap-2 rounded-md border border-slate-600 px-3 py-1.5 text-sm font-medium hover:bg-slate-800 focus-visible:outline-white"
      >
        {open ? <X className="size-4" aria-hidden="true" /> : <Menu className="size-4" aria-hidden="true" />}
        Menu
      </button>
      <div
        id="narrow-menu"
        hidden={!open}
        className="absolute inset-x-0 top-full z-40 space-y-4 border-t border-slate-700 bg-slate-900 px-4 py-4 shadow-lg"
      >
        {children}
      </div>
    </div>
  );
}
