/**
 * The routing doctor's vocabulary: one check per condition Meta's delivery depends on, in that order, and a
 * verdict naming the first check that fails. Pure types: the browser renders these as they come.
 */

export const CHECK_IDS = [
  'token',
  'app_subscription',
  'messages_field',
  'waba_subscription',
  'number_status',
  'waba_status',
  'callback_live',
  'other_apps',
  'recent_deliveries',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/**
 * What Switchboard can do about a failing check. `subscribe` runs the WABA's Subscribe action (with its
 * confirmation); `app_settings` leads to the application tier on the settings page; `receivers` to the
 * managed receivers.
 */
export type CheckFix =
  | { kind: 'subscribe'; wabaId: string; label: string }
  | { kind: 'app_settings'; label: string }
  | { kind: 'receivers'; receiverId: string | null; label: string };

export interface DoctorCheck {
  id: CheckId;
  status: CheckStatus;
  /** One sentence: what holds, or what does not. */
  title: string;
  /** The evidence: what Graph or the endpoint answered, and when. For `skip`, the reason. */
  detail: string;
  fix?: CheckFix;
}

export type Verdict = 'delivers' | 'at_risk' | 'does_not_deliver';

/** The app whose delivery was checked: each app's copy is routed by its own tiers, with its own token. */
export interface CheckedApp {
  id: string;
  label: string;
}

export interface Diagnosis {
  app: CheckedApp;
  phoneNumberId: string;
  wabaId: string | null;
  displayPhoneNumber: string | null;
  checkedAt: string;
  verdict: Verdict;
  /** The first check that failed (does_not_deliver) or warned (at_risk); null when it delivers. */
  firstProblem: CheckId | null;
  checks: DoctorCheck[];
}

/** One number's line in a WABA's diagnosis. */
export interface NumberVerdict {
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  verdict: Verdict;
  firstProblem: CheckId | null;
  /** The first problem's title, so a table can say why without the whole diagnosis. */
  problem: string | null;
}

/** A WABA's shared conditions (token, app subscription, WABA subscription and status, other apps) and each number's verdict. */
export interface WabaDiagnosis {
  app: CheckedApp;
  wabaId: string;
  checkedAt: string;
  shared: DoctorCheck[];
  numbers: NumberVerdict[];
}
