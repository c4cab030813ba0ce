import { cva } from 'class-variance-authority';

/**
 * The button styles, apart from `Button` (which merges a caller's classes with tailwind-merge): the header's
 * Sign out, Try again and error-page buttons style a plain <button> with these, so pages whose only client
 * components they are do not download tailwind-merge.
 */
export const buttonVariants = cva(
  'inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-colors disabled:pointer-events-none disabled:opacity-60 [&_svg]:size-4 [&_svg]:shrink-0',
  {
    variants: {
      variant: {
        default: 'bg-blue-700 text-white hover:bg-blue-800',
        secondary: 'bg-slate-200 text-slate-900 hover:bg-slate-300',
        outline: 'border border-slate-300 bg-white text-slate-900 hover:bg-slate-100',
        destructive: 'bg-red-700 text-white hover:bg-red-800',
        /** A destructive action offered next to neutral ones (it opens a confirmation): red, but not loud. */
        'destructive-outline': 'border border-red-300 bg-white text-red-800 hover:bg-red-50',
        ghost: 'text-slate-800 hover:bg-slate-100',
        link: 'text-blue-700 underline underline-offset-4 hover:text-blue-900',
      },
      size: {
        sm: 'h-8 px-3',
        md: 'h-9 px-4',
        icon: 'size-9',
      },
    },
    defaultVariants: { variant: 'default', size: 'md' },
  },
);
