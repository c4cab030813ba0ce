import { queryOptions } from '@tanstack/react-query';
import type { Diagnosis, WabaDiagnosis } from '@/lib/doctor/types';
import type { NumberAppsView, NumberDetail } from '@/lib/routing/types';
import { getJson, getRead } from './get-json';
import { diagnosisKeys, numberKeys } from './keys';

/**
 * Shared by the server prefetch (page.tsx) and the browser's `useSuspenseQuery` (GET /api/numbers/<id>), as
 * one app sees the number (`appId`; the default app without one).
 */
export function numberDetailOptions(phoneNumberId: string, appId?: string) {
  const query = appId ? `?app=${encodeURIComponent(appId)}` : '';
  return queryOptions({
    queryKey: numberKeys.detail(phoneNumberId, appId),
    queryFn: ({ signal }) =>
      getRead<NumberDetail | null>(`/api/numbers/${encodeURIComponent(phoneNumberId)}${query}`, { signal }),
  });
}

/** Every configured app's route for the number (GET /api/numbers/<id>/apps). */
export function numberAppsOptions(phoneNumberId: string) {
  return queryOptions({
    queryKey: numberKeys.apps(phoneNumberId),
    queryFn: ({ signal }) =>
      getRead<NumberAppsView | null>(`/api/numbers/${encodeURIComponent(phoneNumberId)}/apps`, { signal }),
  });
}

/** The Delivery check panel's read: GET /api/numbers/<id>/diagnosis, cached briefly (it calls the receiver live). */
export function diagnosisOptions(phoneNumberId: string, appId?: string) {
  const query = appId ? `?app=${encodeURIComponent(appId)}` : '';
  return queryOptions({
    queryKey: diagnosisKeys.number(phoneNumberId, appId),
    queryFn: ({ signal }) =>
      getJson<Diagnosis>(`/api/numbers/${encodeURIComponent(phoneNumberId)}/diagnosis${query}`, { signal }),
    staleTime: 30_000,
  });
}

/** The WABA page's delivery summary: GET /api/wabas/<id>/diagnosis, cached briefly. */
export function wabaDiagnosisOptions(wabaId: string, appId?: string) {
  const query = appId ? `?app=${encodeURIComponent(appId)}` : '';
  return queryOptions({
    queryKey: diagnosisKeys.waba(wabaId, appId),
    queryFn: ({ signal }) =>
      getJson<WabaDiagnosis>(`/api/wabas/${encodeURIComponent(wabaId)}/diagnosis${query}`, { signal }),
    staleTime: 30_000,
  });
}
