import { ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** Builds the URL of another page, keeping the other search parameters. */
  hrefFor: (page: number) => string;
}

function PageLink({
  href,
  rel,
  children,
}: {
  href: string | null;
  rel: 'prev' | 'next';
  children: ReactNode;
}) {
  const className = cn(buttonVariants({ variant: 'outline', size: 'sm' }));
  if (!href) {
    // A disabled link is not focusable and says why through aria-disabled; a greyed button would be silent.
    return (
      <span aria-disabled="true" className={cn(className, 'cursor-not-allowed text-slate-600')}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} rel={rel} className={className}>
      {children}
    </Link>
  );
}

export function Pagination({ page, pageSize, total, hrefFor }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-800">
        {first}–{last} of {total} · page {page} of {pages}
      </p>
      <div className="flex gap-2">
        <PageLink href={page > 1 ? hrefFor(page - 1) : null} rel="prev">
          <ChevronLeft aria-hidden="true" />
          Previous
        </PageLink>
        <PageLink href={page < pages ? hrefFor(page + 1) : null} rel="next">
          Next
          <ChevronRight aria-hidden="true" />
        </PageLink>
      </div>
    </nav>
  );
}
