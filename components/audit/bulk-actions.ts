/** The server actions the bulk re-routing UI is given as props (bound in app/(console)/audit). */
import type { BulkPreview, BulkStartResult } from '@/lib/audit/bulk/start';
import type { AuditFilter } from '@/lib/audit/filter';
import type { BulkAction } from '@/lib/audit/types';
import type { ActionResult } from '@/lib/auth/safe-action';

export interface BulkSelectionInput {
  scanId: string;
  filter: AuditFilter;
  action: BulkAction;
  overrideCallbackUri?: string;
  /** The app whose phone overrides change; the default app without it. */
  appId?: string;
}

/** A configured app the bulk form offers (never its token). */
export interface BulkAppChoice {
  id: string;
  label: string;
  isDefault: boolean;
}

export interface BulkServerActions {
  previewBulkReroute: (input: BulkSelectionInput) => Promise<ActionResult<BulkPreview>>;
  startBulkReroute: (
    input: BulkSelectionInput & { verifyToken?: string; expectedCount: number },
  ) => Promise<ActionResult<BulkStartResult>>;
}
