/**
 * Runs the checks for one number, or many: a `DoctorRun` remembers what is shared (the token, the app
 * subscription, each WABA, and each live URL), so checking a whole WABA or fleet calls each URL once.
 */
import 'server-only';
import { describeGraphError } from '@/lib/graph/describe-error';
import { type SubscribedApp, subscribedAppSchema, type Waba } from '@/lib/graph/schemas';
import { locateNumber } from '@/lib/routing/fleet';
import { isGraphId, nullOnUnknownId } from '@/lib/routing/graph-reads';
import { resolveRoute } from '@/lib/routing/tiers';
import { thisAppEntry } from '@/lib/routing/views';
import { appChecks } from './app-checks';
import { callbackLiveCheck } from './callback-live';
import type { DoctorContext, ManagedReceiverMatch } from './context';
import { recentDeliveriesCheck } from './recent-deliveries';
import { numberStatusCheck, otherAppsCheck, wabaStatusCheck, wabaSubscriptionCheck } from './status-checks';
import { tokenCheck } from './token-check';
import { CHECK_IDS, type CheckId, type Diagnosis, type DoctorCheck } from './types';
import { orderChecks, verdictOf } from './verdict';

const PHONE_FIELDS = 'id,display_phone_number,status,platform_type,health_status,webhook_configuration';
const WABA_FIELDS = 'id,name,account_review_status,health_status,subscribed_apps';

interface WabaRead {
  waba: Waba;
  apps: SubscribedApp[];
  at: string;
}

export class DoctorRun {
  private memo = new Map<string, Promise<unknown>>();
  constructor(readonly ctx: DoctorContext) {}

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let hit = this.memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = make();
      this.memo.set(key, hit);
    }
    return hit;
  }

  token = () => this.once('token', () => tokenCheck(this.ctx));
  app = () => this.once('app', () => appChecks(this.ctx));
  waba = (wabaId: string) =>
    this.once(`waba:${wabaId}`, async (): Promise<WabaRead> => {
      const waba = await this.ctx.graph.getWaba(wabaId, WABA_FIELDS);
      const apps = await this.ctx.graph.collectNestedEdge(waba.subscribed_apps, subscribedAppSchema);
      return { waba, apps, at: new Date().toISOString() };
    });
  managed = (url: string) => this.once(`managed:${url}`, () => this.ctx.managedReceiver(url));
  live = (url: string) => this.once(`live:${url}`, () => callbackLiveCheck(this.ctx, url));
}

function skipped(id: CheckId, title: string, detail: string): DoctorCheck {
  return { id, status: 'skip', title, detail };
}

function finish(
  base: Omit<Diagnosis, 'verdict' | 'firstProblem' | 'checks'>,
  checks: DoctorCheck[],
): Diagnosis {
  const ordered = orderChecks(checks);
  return { ...base, ...verdictOf(ordered), checks: ordered };
}

/** The checks from `waba_subscription` on need the number's own reads, which a Graph failure stops. */
const AFTER_GRAPH_FAILURE: readonly CheckId[] = CHECK_IDS.slice(CHECK_IDS.indexOf('waba_subscription'));

/** Null when Graph (or the configured businesses) do not know the number and the token works. */
export async function diagnoseNumber(run: DoctorRun, phoneNumberId: string): Promise<Diagnosis | null> {
  if (!isGraphId(phoneNumberId)) return null;
  const { ctx } = run;
  const checkedAt = new Date().toISOString();
  const [token, appTier] = await Promise.all([run.token(), run.app()]);
  const shared = [token, ...appTier.checks];
  const app = { id: ctx.appId, label: ctx.appLabel };
  const base = { app, phoneNumberId, wabaId: null, displayPhoneNumber: null, checkedAt };
  let located: Awaited<ReturnType<typeof locateNumber>>;
  let phone: Awaited<ReturnType<typeof ctx.graph.getPhoneNumber>> | null;
  let wabaRead: WabaRead;
  try {
    located = await locateNumber(ctx, phoneNumberId);
    if (!located)
      return token.status === 'fail'
        ? finish(base, [...shared, ...skipAll('The number could not be found.')])
        : null;
    const placement = located;
    [phone, wabaRead] = await Promise.all([
      nullOnUnknownId(ctx.graph.getPhoneNumber(phoneNumberId, PHONE_FIELDS)),
      run.waba(placement.wabaId),
    ]);
    if (!phone) return null;
  } catch (error) {
    const failure = describeGraphError(error, `Reading number ${phoneNumberId}`);
    return finish(base, [...shared, ...skipAll(`Graph refused the read: ${failure.message}`)]);
  }
  const at = wabaRead.at;
  const subscribed = thisAppEntry(ctx.appId, wabaRead.apps) !== undefined;
  const route = resolveRoute({ subscribed, tiers: phone.webhook_configuration ?? {} });
  const checks: DoctorCheck[] = [
    ...shared,
    wabaSubscriptionCheck(located.wabaId, subscribed, at),
    numberStatusCheck(phone, checkedAt),
    wabaStatusCheck(wabaRead.waba, at),
    otherAppsCheck(ctx.appId, located.wabaId, wabaRead.apps, at),
  ];
  let managed: ManagedReceiverMatch | null = null;
  if (route.url) {
    managed = await run.managed(route.url);
    const live = await run.live(route.url);
    checks.push({ ...live, detail: `${winnerNoun(route.winner)} ${live.detail}` });
  } else {
    checks.push(
      skipped('callback_live', 'No URL wins for this number, so nothing was called.', route.reason),
    );
  }
  checks.push(
    route.url
      ? await recentDeliveriesCheck(ctx.db, phoneNumberId, managed)
      : skipped('recent_deliveries', 'No URL wins for this number.', route.reason),
  );
  return finish(
    { ...base, wabaId: located.wabaId, displayPhoneNumber: phone.display_phone_number ?? null },
    checks,
  );
}

function winnerNoun(winner: string | null): string {
  if (winner === 'phone_number') return 'Phone number override wins.';
  if (winner === 'whatsapp_business_account') return 'WABA override wins.';
  return 'App callback wins.';
}

function skipAll(reason: string): DoctorCheck[] {
  return AFTER_GRAPH_FAILURE.map((id) => skipped(id, 'Not checked: Graph could not be read.', reason));
}
