import { cva, type VariantProps } from 'class-variance-authority';
import { clsx } from 'clsx';
import { CircleCheck, CircleX, Info, TriangleAlert } from 'lucide-react';
import type { ComponentProps } from 'react';

const alertVariants = cva(
  'flex gap-3 rounded-md border p-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0',
  {
    variants: {
      variant: {
        info: 'border-blue-300 bg-blue-50 text-blue-950',
        success: 'border-emerald-300 bg-emerald-50 text-emerald-950',
        warning: 'border-amber-400 bg-amber-50 text-amber-950',
        destructive: 'border-red-300 bg-red-50 text-red-950',
      },
    },
    defaultVariants: { variant: 'info' },
  },
);

const ICONS = { info: Info, success: CircleCheck, warning: TriangleAlert, destructive: CircleX } as const;

export interface AlertProps extends ComponentProps<'div'>, VariantProps<typeof alertVariants> {}

/**
 * Classes passed in are appended (clsx), not merged with tailwind-merge as `cn` does: error pages render an
 * Alert, so every page loads this module, and no caller overrides its classes. Pass only non-conflicting ones.
 */

/**
 * A static message box. It has no live role of its own: results are announced by the `aria-live` region that
 * contains them (see components/live-region.tsx), so the same alert is not read twice.
 */
export function Alert({ className, variant, children, ...props }: AlertProps) {
  const Icon = ICONS[variant ?? 'info'];
  return (
    <div className={clsx(alertVariants({ variant }), className)} {...props}>
      <Icon aria-hidden="true" />
      <div className="min-w-0 flex-1 space-y-1">{children}</div>
    </div>
  );
}

export function AlertTitle({ className, ...props }: ComponentProps<'p'>) {
  return <p className={clsx('font-semibold', className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<'div'>) {
  return <div className={clsx('space-y-1 [&_p]:leading-relaxed', className)} {...props} />;
}
