import type { ComponentProps } from 'react';
import { cn } from '#cn';

export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    // The wrapper scrolls wide tables (long callback URLs) instead of the whole page. The cells' text colour is
    // set on the table, not on each cell, so a cell can take another without conflicting classes (client
    // components' cn joins, it does not merge). `relative` makes the wrapper the containing block of what is
    // absolutely positioned inside (the sr-only caption and labels): otherwise those sit at their place in the
    // scrolled-out table and widen the page itself (196 px at 390 px, seen on the number page).
    <div className="relative w-full overflow-x-auto">
      <table
        className={cn('w-full caption-bottom border-collapse text-sm text-slate-900', className)}
        {...props}
      />
    </div>
  );
}

export function TableCaption({ className, ...props }: ComponentProps<'caption'>) {
  return <caption className={cn('sr-only', className)} {...props} />;
}

export function TableHeader({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={cn('border-b border-slate-200 bg-slate-50', className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={cn('divide-y divide-slate-200', className)} {...props} />;
}

export function TableRow({
  className,
  highlightOnHover = true,
  ...props
}: ComponentProps<'tr'> & { highlightOnHover?: boolean }) {
  return <tr className={cn('align-top', highlightOnHover && 'hover:bg-slate-50', className)} {...props} />;
}

export function TableHead({
  className,
  align = 'left',
  ...props
}: Omit<ComponentProps<'th'>, 'align'> & { align?: 'left' | 'right' }) {
  return (
    <th
      scope="col"
      className={cn(
        'px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-700',
        align === 'right' ? 'text-right' : 'text-left',
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-3 py-2', className)} {...props} />;
}
