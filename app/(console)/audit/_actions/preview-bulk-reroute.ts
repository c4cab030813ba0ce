'use server';

import { previewBulk } from '@/lib/audit';
import { defineAction } from '@/lib/auth/safe-action';
import { getApp, getBulkEnv } from '@/lib/server';
import { actingApp } from '../../_lib/acting-app';
import { bulkSelectionSchema } from './schemas';

/** How many numbers a bulk re-route of this selection would write, for the confirmation to name. */
export const previewBulkRerouteAction = defineAction(
  { permission: 'override.write', schema: bulkSelectionSchema },
  async (input) => {
    const app = await actingApp(input.appId, getApp);
    if (!app.ok) return app.result;
    return { ok: true, data: await previewBulk(await getBulkEnv(), input) };
  },
);
