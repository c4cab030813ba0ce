import type { ComponentProps } from 'react';
import { cn } from './cn';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return (
    <input
      className={cn(
        'h-9 w-full rounded-md border border-slate-400 bg-white px-3 text-sm text-slate-900 placeholder:text-slate-600',
        'disabled:cursor-not-allowed disabled:bg-slate-100',
        'aria-[invalid=true]:border-red-700',
        className,
      )}
      {...props}
    />
  );
}
