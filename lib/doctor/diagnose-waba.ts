/** A WABA's diagnosis: its shared conditions once, then every number, each distinct winning URL called once. */
import 'server-only';
import { locateWaba } from '@/lib/routing/fleet';
import { isGraphId, nullOnUnknownId } from '@/lib/routing/graph-reads';
import { type DoctorRun, diagnoseNumber } from './diagnose';
import type { NumberVerdict, WabaDiagnosis } from './types';

/** Numbers checked at once: each costs a Graph read, and live probes are shared through the run. */
const CONCURRENCY = 5;

export async function diagnoseWaba(run: DoctorRun, wabaId: string): Promise<WabaDiagnosis | null> {
  if (!isGraphId(wabaId)) return null;
  const placement = await locateWaba(run.ctx, wabaId);
  if (!placement) return null;
  const phones = await nullOnUnknownId(
    run.ctx.graph.listAllPhoneNumbers(wabaId, { fields: 'id,display_phone_number' }),
  );
  if (!phones) return null;
  const checkedAt = new Date().toISOString();
  const numbers: NumberVerdict[] = [];
  let shared: WabaDiagnosis['shared'] = [];
  for (let i = 0; i < phones.length; i += CONCURRENCY) {
    const batch = await Promise.all(phones.slice(i, i + CONCURRENCY).map((p) => diagnoseNumber(run, p.id)));
    for (const d of batch) {
      if (!d) continue;
      if (shared.length === 0) shared = d.checks.filter((c) => SHARED.has(c.id));
      const first = d.checks.find((c) => c.id === d.firstProblem);
      numbers.push({
        phoneNumberId: d.phoneNumberId,
        displayPhoneNumber: d.displayPhoneNumber,
        verdict: d.verdict,
        firstProblem: d.firstProblem,
        problem: first?.title ?? null,
      });
    }
  }
  return { app: { id: run.ctx.appId, label: run.ctx.appLabel }, wabaId, checkedAt, shared, numbers };
}

const SHARED = new Set([
  'token',
  'app_subscription',
  'messages_field',
  'waba_subscription',
  'waba_status',
  'other_apps',
]);
