/**
 * Demo mode (SWITCHBOARD_DEMO=1) signs in with three well-known accounts, one per role. They are created at
 * start when absent and never overwritten, so a demo admin's changes to them survive restarts. The README and
 * `npm run demo` print the same credentials. Instances starting together may race to create them; the loser
 * takes the winner's.
 */
import 'server-only';
import { recordChange } from '@/lib/db/change-log';
import type { Role } from '@/lib/db/schema';
import { createUser, findUserByEmail, UserError } from '@/lib/db/users';
import { hashPassword } from './password';

export const DEMO_USERS: readonly { email: string; name: string; role: Role; password: string }[] = [
  { email: 'admin@switchboard.local', name: 'Ada Admin', role: 'admin', password: 'admin-demo-pass' },
  {
    email: 'operator@switchboard.local',
    name: 'Otto Operator',
    role: 'operator',
    password: 'operator-demo-pass',
  },
  { email: 'viewer@switchboard.local', name: 'Vera Viewer', role: 'viewer', password: 'viewer-demo-pass' },
];

export async function seedDemoUsers(): Promise<number> {
  let created = 0;
  for (const demo of DEMO_USERS) {
    if (await findUserByEmail(demo.email)) continue;
    let user: Awaited<ReturnType<typeof createUser>>;
    try {
      user = await createUser({
        email: demo.email,
        name: demo.name,
        role: demo.role,
        passwordHash: await hashPassword(demo.password),
      });
    } catch (error) {
      // Another instance starting at the same moment on the same database created it first.
      if (error instanceof UserError && error.code === 'email_taken') continue;
      throw error;
    }
    await recordChange({
      actor: { id: null, email: 'system' },
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      after: { email: user.email, name: user.name, role: user.role, via: 'demo seed' },
      outcome: 'success',
    });
    created += 1;
  }
  return created;
}
