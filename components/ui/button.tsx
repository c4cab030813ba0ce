import type { VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from '#cn';
import { buttonVariants } from './button-variants';

export { buttonVariants };

/**
 * A `<button>` with the console's styles. A link that looks like a button takes `buttonVariants()` as its
 * className instead (no `asChild`: Radix's Slot would be in the first load of every page with a client button).
 */
export interface ButtonProps extends ComponentProps<'button'>, VariantProps<typeof buttonVariants> {}

export function Button({ className, variant, size, type, ...props }: ButtonProps) {
  return (
    <button
      // A bare <button> inside a form submits it; make that an explicit choice.
      type={type ?? 'button'}
      className={cn(buttonVariants({ variant, size }), className)}
      {...props}
    />
  );
}
