import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from '#cn';

// Every pair keeps text/background contrast above 4.5:1 (axe colour-contrast).
export const badgeVariants = cva(
  'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap [&_svg]:size-3',
  {
    variants: {
      variant: {
        neutral: 'border-slate-300 bg-slate-100 text-slate-800',
        info: 'border-blue-300 bg-blue-50 text-blue-900',
        success: 'border-emerald-300 bg-emerald-50 text-emerald-900',
        warning: 'border-amber-300 bg-amber-50 text-amber-900',
        danger: 'border-red-300 bg-red-50 text-red-900',
        phone: 'border-indigo-300 bg-indigo-50 text-indigo-900',
        waba: 'border-teal-300 bg-teal-50 text-teal-900',
        app: 'border-slate-300 bg-white text-slate-800',
      },
    },
    defaultVariants: { variant: 'neutral' },
  },
);

export interface BadgeProps extends ComponentProps<'span'>, VariantProps<typeof badgeVariants> {}

export function Badge({ className, variant, ...props }: BadgeProps) {
  return <span className={cn(badgeVariants({ variant }), className)} {...props} />;
}
