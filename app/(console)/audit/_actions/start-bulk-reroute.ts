'use server';

import { startBulkReroute } from '@/lib/audit';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { getApp, getBulkEnv } from '@/lib/server';
import { actingApp } from '../../_lib/acting-app';
import { startBulkSchema } from './schemas';

/**
 * Starts a bulk re-routing job after the operator confirmed the count: refused when the selection no longer has
 * that many numbers; one callback check for the whole job; then one routing write (with read-back and one
 * change-log row) per number, in the background.
 */
export const startBulkRerouteAction = defineAction(
  { permission: 'override.write', schema: startBulkSchema },
  async (input, { user }) => {
    // An app that is not configured (any more) is a field error before anything is read or written.
    const app = await actingApp(input.appId, getApp);
    if (!app.ok) return app.result;
    return { ok: true, data: await startBulkReroute(await getBulkEnv(), input, changeLogActor(user)) };
  },
);
