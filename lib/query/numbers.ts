import { queryOptions } from '@tanstack/react-query';
import type { Diagnosis, WabaDiagnosis } from '@/lib/doctor/types';
import type { NumberDetail } from '@/lib/routing/types';
import { getJson, getRead } from './get-json';
import { diagnosisKeys, numberKeys } from './keys';

/** Shared by the server prefetch (page.tsx) and the browser's `useSuspenseQuery` (GET /api/numbers/<id>). */
export function numberDetailOptions(phoneNumberId: string) {
  return queryOptions({
    queryKey: numberKeys.detail(phoneNumberId),
    queryFn: ({ signal }) =>
      getRead<NumberDetail | null>(`/api/numbers/${encodeURIComponent(phoneNumberId)}`, { signal }),
  });
}

/** The Delivery check panel's read: GET /api/numbers/<id>/diagnosis, cached briefly (it calls the receiver live). */
export function diagnosisOptions(phoneNumberId: string) {
  return queryOptions({
    queryKey: diagnosisKeys.number(phoneNumberId),
    queryFn: ({ signal }) =>
      getJson<Diagnosis>(`/api/numbers/${encodeURIComponent(phoneNumberId)}/diagnosis`, { signal }),
    staleTime: 30_000,
  });
}

/** The WABA page's delivery summary: GET /api/wabas/<id>/diagnosis, cached briefly. */
export function wabaDiagnosisOptions(wabaId: string) {
  return queryOptions({
    queryKey: diagnosisKeys.waba(wabaId),
    queryFn: ({ signal }) =>
      getJson<WabaDiagnosis>(`/api/wabas/${encodeURIComponent(wabaId)}/diagnosis`, { signal }),
    staleTime: 30_000,
  });
}
