'use server';

import { retryBulkJob } from '@/lib/audit';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { getBulkEnv } from '@/lib/server';
import { retryBulkSchema } from './schemas';

/** Runs a bulk job's failed (or abandoned) numbers again; a set asks for its verify token again. */
export const retryBulkJobAction = defineAction(
  { permission: 'override.write', schema: retryBulkSchema },
  async (input, { user }) => ({
    ok: true,
    data: await retryBulkJob(await getBulkEnv(), input, changeLogActor(user)),
  }),
);
