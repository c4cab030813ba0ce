/**
 * Roles for client components, which must not import lib/db/schema at runtime (it would pull Drizzle into
 * the browser bundle). `Record<Role, …>` makes the build fail if a role is added to the schema but not here.
 */
import type { Role } from '@/lib/db/schema';

export const ROLE_SUMMARY: Record<Role, string> = {
  viewer: 'reads routing, audit and activity, and exports',
  operator:
    'also sets and clears overrides, tests callbacks, subscribes apps, runs audit scans and reads receiver deliveries',
  admin: 'also unsubscribes apps and manages users and settings',
};

/** Least to most powerful. */
export const ROLE_OPTIONS = Object.keys(ROLE_SUMMARY) as Role[];
