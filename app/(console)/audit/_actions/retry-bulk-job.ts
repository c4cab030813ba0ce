'use server';

import { retryBulkJob as runRetryBulkJob } from '@/lib/audit';
import { defineAction } from '@/lib/auth/safe-action';
import { getAuditEnv } from '@/lib/server';
import { actorOf } from '../../_actions/actor';
import { retryBulkSchema } from './schemas';

/** Runs a bulk job's failed (or abandoned) numbers again; a set asks for its verify token again. */
export const retryBulkJob = defineAction(
  { permission: 'override.write', schema: retryBulkSchema },
  async (input, { user }) => ({
    ok: true,
    data: await runRetryBulkJob(await getAuditEnv(), input, actorOf(user)),
  }),
);
