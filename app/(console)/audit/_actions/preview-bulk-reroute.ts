'use server';

import { previewBulk } from '@/lib/audit';
import { defineAction } from '@/lib/auth/safe-action';
import { getAuditEnv } from '@/lib/server';
import { bulkSelectionSchema } from './schemas';

/** How many numbers a bulk re-route of this selection would write, for the confirmation to name. */
export const previewBulkRerouteAction = defineAction(
  { permission: 'override.write', schema: bulkSelectionSchema },
  async (input) => ({ ok: true, data: await previewBulk(await getAuditEnv(), input) }),
);
