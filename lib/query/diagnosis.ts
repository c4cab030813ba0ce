/** The routing doctor as a read: GET /api/numbers/<id>/diagnosis and the number page's Delivery check panel. */
import 'server-only';
import { type Diagnosis, DoctorRun, diagnoseNumber, diagnoseWaba, type WabaDiagnosis } from '@/lib/doctor';
import { managedReceiverMatcher } from '@/lib/doctor/managed-receiver';
import { getApp, getAppTierContext, getReceiversContext } from '@/lib/server';
import type { ReadResult } from './read-result';
import { readSafely } from './read-safely';

/**
 * A doctor run acting as one configured app (the default app without `appId`): its token is the one checked
 * and the one every read uses, so the checks are that app's (its subscription, its overrides, its callback).
 * An unknown app rejects, which the reads below answer as a failure.
 */
export async function newDoctorRun(appId?: string): Promise<DoctorRun> {
  const [app, ctx, rctx] = await Promise.all([
    getApp(appId),
    getAppTierContext(appId),
    getReceiversContext(),
  ]);
  return new DoctorRun({
    ...ctx,
    accessToken: app.accessToken,
    managedReceiver: managedReceiverMatcher(rctx),
  });
}

/** One number's checks and verdict for one app; `null` data when Graph or the configured businesses do not know it. */
export async function readDiagnosis(
  phoneNumberId: string,
  appId?: string,
): Promise<ReadResult<Diagnosis | null>> {
  return readSafely(
    async () => diagnoseNumber(await newDoctorRun(appId), phoneNumberId),
    'Checking delivery',
  );
}

/** A WABA's shared conditions and each number's verdict for one app; `null` data when unknown. */
export async function readWabaDiagnosis(
  wabaId: string,
  appId?: string,
): Promise<ReadResult<WabaDiagnosis | null>> {
  return readSafely(
    async () => diagnoseWaba(await newDoctorRun(appId), wabaId),
    'Checking delivery for the WABA',
  );
}
