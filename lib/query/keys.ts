/**
 * Every TanStack Query key of the console, one factory per feature. Every key starts with the feature name so a
 * write can invalidate a whole feature (`wabaKeys.all`) or one entry (`numberKeys.detail(id)`). Nothing builds
 * a key by hand elsewhere, so an invalidation cannot miss a query by spelling its key differently.
 */
import type { AuditFilter } from '@/lib/audit/filter';

export interface WabaListParams {
  q: string;
  page: number;
}

export const overviewKeys = {
  all: ['overview'] as const,
  /** The audit scan state the overview polls while a scan runs. */
  scan: () => [...overviewKeys.all, 'scan'] as const,
};

export const wabaKeys = {
  all: ['wabas'] as const,
  lists: () => [...wabaKeys.all, 'list'] as const,
  list: (params: WabaListParams) => [...wabaKeys.lists(), params] as const,
  details: () => [...wabaKeys.all, 'detail'] as const,
  /** The default app's view of a WABA; with `appId`, that app's (prefix: invalidating a WABA hits both). */
  detail: (wabaId: string, appId?: string) =>
    appId
      ? ([...wabaKeys.details(), wabaId, 'app', appId] as const)
      : ([...wabaKeys.details(), wabaId] as const),
};

export const numberKeys = {
  all: ['numbers'] as const,
  details: () => [...numberKeys.all, 'detail'] as const,
  /** The default app's view of a number; with `appId`, that app's (prefix: invalidating a number hits both). */
  detail: (phoneNumberId: string, appId?: string) =>
    appId
      ? ([...numberKeys.details(), phoneNumberId, 'app', appId] as const)
      : ([...numberKeys.details(), phoneNumberId] as const),
  /** Every configured app's route for the number, side by side. */
  apps: (phoneNumberId: string) => [...numberKeys.details(), phoneNumberId, 'apps'] as const,
};

/**
 * The audit's keys hold the filter object itself: TanStack Query hashes keys with sorted object keys and drops
 * absent values, so equal filters share a key whatever their key order. (Not its query string: building that
 * needs lib/audit/filter's zod rules, which would put zod in every page that imports a key.)
 */
export const auditKeys = {
  all: ['audit'] as const,
  scan: () => [...auditKeys.all, 'scan'] as const,
  /** Every window of every scan: dropped when a new snapshot completes. */
  allRows: () => [...auditKeys.all, 'rows'] as const,
  rows: (scanId: string, filter: AuditFilter, block: number) =>
    [...auditKeys.allRows(), scanId, filter, block] as const,
  allGroups: () => [...auditKeys.all, 'groups'] as const,
  groups: (scanId: string, filter: AuditFilter) => [...auditKeys.allGroups(), scanId, filter] as const,
  bulkJob: (jobId: string) => [...auditKeys.all, 'bulk', jobId] as const,
};

/** Receivers, so the inspector and the test-event panel invalidate precisely. */
export const receiverKeys = {
  all: ['receivers'] as const,
  deliveries: (receiverId: string, query: string) =>
    [...receiverKeys.all, receiverId, 'deliveries', query] as const,
  delivery: (receiverId: string, deliveryId: string) =>
    [...receiverKeys.all, receiverId, 'delivery', deliveryId] as const,
  latestForNumber: (phoneNumberId: string) => [...receiverKeys.all, 'number', phoneNumberId] as const,
  emission: (emissionId: string) => [...receiverKeys.all, 'emission', emissionId] as const,
};

/** The routing doctor's diagnosis of one number (cached briefly; the panel's Re-run refetches it). */
export const diagnosisKeys = {
  all: ['diagnosis'] as const,
  /** The default app's checks; with `appId`, that app's (each app's copy is routed and checked on its own). */
  number: (phoneNumberId: string, appId?: string) =>
    appId
      ? ([...diagnosisKeys.all, 'number', phoneNumberId, 'app', appId] as const)
      : ([...diagnosisKeys.all, 'number', phoneNumberId] as const),
  waba: (wabaId: string, appId?: string) =>
    appId
      ? ([...diagnosisKeys.all, 'waba', wabaId, 'app', appId] as const)
      : ([...diagnosisKeys.all, 'waba', wabaId] as const),
};
