import path from 'node:path';

/** Demo users seeded when SWITCHBOARD_DEMO=1 (lib/auth/demo-users.ts); the README lists them too. */
export const DEMO_USERS = {
  admin: { email: 'admin@switchboard.local', password: 'admin-demo-pass' },
  operator: { email: 'operator@switchboard.local', password: 'operator-demo-pass' },
  viewer: { email: 'viewer@switchboard.local', password: 'viewer-demo-pass' },
} as const;

export type DemoRole = keyof typeof DEMO_USERS;

/**
 * Signed-in browser state per role, written by global-setup.ts into the run's own temporary folder
 * (E2E_AUTH_DIR), so two runs on one machine never sign each other out.
 */
export function authFile(role: DemoRole): string {
  const dir = process.env.E2E_AUTH_DIR ?? path.join(process.cwd(), 'e2e', '.auth');
  return path.join(dir, `${role}.json`);
}
