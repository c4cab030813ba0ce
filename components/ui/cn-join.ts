import { type ClassValue, clsx } from 'clsx';

/**
 * Client components' `cn` (server-side rendering and the browser): joins, does not merge. tailwind-merge would
 * be 8.5 kB gzipped in every page's first load that has a client component with a card, table or button, so in
 * client components a caller's classes must not conflict with the component's own (a different text colour,
 * width or height): set those through the component's props instead.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
