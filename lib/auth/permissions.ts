/**
 * The single permission table. Server actions enforce it (lib/auth/safe-action.ts); the UI reads it only to
 * hide or disable what a role cannot do. No `server-only`: client components import it.
 */
import type { Role } from '@/lib/db/schema';

export const PERMISSIONS = {
  'data.read': ['viewer', 'operator', 'admin'],
  'data.export': ['viewer', 'operator', 'admin'],
  /** Receivers and their deliveries: payloads carry customers' messages, so not for viewers. */
  'deliveries.read': ['operator', 'admin'],
  /** Starting a fleet scan spends Graph quota (one read per WABA and number). */
  'audit.scan': ['operator', 'admin'],
  'callback.test': ['operator', 'admin'],
  'override.write': ['operator', 'admin'],
  'waba.subscribe': ['operator', 'admin'],
  'waba.unsubscribe': ['admin'],
  'users.manage': ['admin'],
  'settings.manage': ['admin'],
  /** Create, rotate and delete managed webhook receivers (they hold app secrets). */
  'receivers.manage': ['admin'],
  /** See registered On-Premises deployments and their Coreapp webhook settings (read live). */
  'onprem.read': ['operator', 'admin'],
  /** Register deployments (they hold Coreapp admin passwords) and change their webhook settings. */
  'onprem.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
