'use server';

import { z } from 'zod';
import { startAuditScan } from '@/lib/audit';
import type { AuditScanView } from '@/lib/audit/types';
import { defineAction } from '@/lib/auth/safe-action';
import { getAuditEnv } from '@/lib/server';

/**
 * Starts a fleet audit scan in the background (or joins the one already running) and returns at once; the
 * page follows its progress through GET /api/audit/scan. A scan reads every WABA and number and so spends
 * Graph quota: `audit.scan` (operators and admins); viewers read the scans others ran.
 */
export const startAuditScanAction = defineAction(
  { permission: 'audit.scan', schema: z.object({}) },
  async (_input, { user }) => {
    const started = await startAuditScan(await getAuditEnv(), user.email);
    return { ok: true, data: { scan: started.scan as AuditScanView, created: started.created } };
  },
);
