import type { ComponentProps } from 'react';
import { cn } from '#cn';
import { type FieldSizeProps, fieldSize } from './field-size';

/**
 * A native `<select>` with the console's input look. Native on purpose: it works with the keyboard, screen readers
 * and phones' own pickers, and inside plain GET forms (filters) without client state.
 */
export function Select({
  className,
  compact,
  fieldWidth,
  ...props
}: ComponentProps<'select'> & FieldSizeProps) {
  return (
    <select
      className={cn(
        fieldSize({ compact, fieldWidth }),
        'rounded-md border border-slate-400 bg-white px-2 text-sm text-slate-900',
        'disabled:cursor-not-allowed disabled:bg-slate-100 aria-[invalid=true]:border-red-700',
        className,
      )}
      {...props}
    />
  );
}
