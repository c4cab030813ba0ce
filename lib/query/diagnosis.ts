/** The routing doctor as a read: GET /api/numbers/<id>/diagnosis and the number page's Delivery check panel. */
import 'server-only';
import { getConfig } from '@/lib/config';
import { type Diagnosis, DoctorRun, diagnoseNumber, diagnoseWaba, type WabaDiagnosis } from '@/lib/doctor';
import { managedReceiverMatcher } from '@/lib/doctor/managed-receiver';
import { getAppTierContext, getReceiversContext } from '@/lib/server';
import type { ReadResult } from './read-result';
import { readSafely } from './read-safely';

export async function newDoctorRun(): Promise<DoctorRun> {
  const [ctx, rctx] = await Promise.all([getAppTierContext(), getReceiversContext()]);
  return new DoctorRun({
    ...ctx,
    accessToken: getConfig().GRAPH_ACCESS_TOKEN,
    managedReceiver: managedReceiverMatcher(rctx),
  });
}

/** One number's checks and verdict; `null` data when Graph or the configured businesses do not know it. */
export async function readDiagnosis(phoneNumberId: string): Promise<ReadResult<Diagnosis | null>> {
  return readSafely(async () => diagnoseNumber(await newDoctorRun(), phoneNumberId), 'Checking delivery');
}

/** A WABA's shared conditions and each number's verdict; `null` data when unknown. */
export async function readWabaDiagnosis(wabaId: string): Promise<ReadResult<WabaDiagnosis | null>> {
  return readSafely(async () => diagnoseWaba(await newDoctorRun(), wabaId), 'Checking delivery for the WABA');
}
