/** Inputs of the bulk re-routing actions (FormData or objects), validated on the server. */
import { z } from 'zod';
import { BULK_ACTIONS } from '@/lib/audit/bulk/actions';
import { auditSelectionFilterSchema } from '@/lib/audit/filter';
import { appChoiceSchema } from '../../_lib/acting-app';

export const bulkSelectionSchema = z.object({
  scanId: z.uuid(),
  filter: auditSelectionFilterSchema,
  action: z.enum(BULK_ACTIONS),
  overrideCallbackUri: z.string().max(2048).optional(),
  // The one app whose phone overrides the job changes (the default app without it).
  ...appChoiceSchema.shape,
});

export const startBulkSchema = bulkSelectionSchema.extend({
  verifyToken: z.string().max(1024).optional(),
  expectedCount: z.coerce.number().int().min(1),
});

export const retryBulkSchema = z.object({
  jobId: z.uuid(),
  verifyToken: z.string().max(1024).optional(),
});
