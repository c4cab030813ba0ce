import type { ComponentProps } from 'react';
import { cn } from '#cn';
import { type FieldSizeProps, fieldSize } from './field-size';

export function Input({
  className,
  compact,
  fieldWidth,
  ...props
}: ComponentProps<'input'> & FieldSizeProps) {
  return (
    <input
      className={cn(
        fieldSize({ compact, fieldWidth }),
        'rounded-md border border-slate-400 bg-white px-3 text-sm text-slate-900 placeholder:text-slate-600',
        'disabled:cursor-not-allowed disabled:bg-slate-100',
        'aria-[invalid=true]:border-red-700',
        className,
      )}
      {...props}
    />
  );
}
