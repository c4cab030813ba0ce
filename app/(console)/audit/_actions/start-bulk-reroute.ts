'use server';

import { startBulkReroute } from '@/lib/audit';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { getAuditEnv } from '@/lib/server';
import { startBulkSchema } from './schemas';

/**
 * Starts a bulk re-routing job after the operator confirmed the count: refused when the selection no longer has
 * that many numbers; one callback check for the whole job; then one routing write (with read-back and one
 * change-log row) per number, in the background.
 */
export const startBulkRerouteAction = defineAction(
  { permission: 'override.write', schema: startBulkSchema },
  async (input, { user }) => ({
    ok: true,
    data: await startBulkReroute(await getAuditEnv(), input, changeLogActor(user)),
  }),
);
