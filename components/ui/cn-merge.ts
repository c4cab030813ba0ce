import { type ClassValue, clsx } from 'clsx';
import { twMerge } from 'tailwind-merge';

/** Server components' `cn` (the `react-server` condition of `#cn`): later Tailwind utilities win over earlier conflicting ones. */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
