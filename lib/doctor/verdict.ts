import { CHECK_IDS, type CheckId, type DoctorCheck, type Verdict } from './types';

/** Checks in Meta's dependency order, whatever order they were computed in. */
export function orderChecks(checks: readonly DoctorCheck[]): DoctorCheck[] {
  return [...checks].sort((a, b) => CHECK_IDS.indexOf(a.id) - CHECK_IDS.indexOf(b.id));
}

/** Any failure means no delivery; otherwise any warning puts it at risk. The first in order is named. */
export function verdictOf(checks: readonly DoctorCheck[]): {
  verdict: Verdict;
  firstProblem: CheckId | null;
} {
  const ordered = orderChecks(checks);
  const failed = ordered.find((c) => c.status === 'fail');
  if (failed) return { verdict: 'does_not_deliver', firstProblem: failed.id };
  const warned = ordered.find((c) => c.status === 'warn');
  if (warned) return { verdict: 'at_risk', firstProblem: warned.id };
  return { verdict: 'delivers', firstProblem: null };
}

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  delivers: 'Delivers',
  at_risk: 'At risk',
  does_not_deliver: 'Does not deliver',
};

export const CHECK_LABELS: Readonly<Record<CheckId, string>> = {
  token: 'Access token',
  app_subscription: 'App subscription',
  messages_field: 'messages field',
  waba_subscription: 'WABA subscription',
  number_status: 'Number status',
  waba_status: 'WABA status',
  callback_live: 'Callback answers',
  other_apps: 'Other apps',
  recent_deliveries: 'Recent deliveries',
};
