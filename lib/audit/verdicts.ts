/**
 * The routing doctor's verdict for every number of a fleet scan (lib/doctor), from what the scan itself read:
 * the token and the app-level subscription are checked once per scan, the WABA and number checks come from the
 * listing pages (`withHealth`), and each distinct winning URL gets one live verification GET, however many
 * numbers share it. `recent_deliveries` (per-number delivery history) and `other_apps` (information only) are
 * left to the number page: neither can make a number undeliverable on its own.
 */
import 'server-only';
import pLimit from 'p-limit';
import type { DoctorContext } from '@/lib/doctor/context';
import { DoctorRun } from '@/lib/doctor/diagnose';
import { numberStatusCheck, wabaStatusCheck, wabaSubscriptionCheck } from '@/lib/doctor/status-checks';
import type { CheckId, DoctorCheck, Verdict } from '@/lib/doctor/types';
import { verdictOf } from '@/lib/doctor/verdict';
import type { ScannedWaba } from '@/lib/fleet/types';
import { resolveRoute } from '@/lib/routing/tiers';
import { thisAppEntry } from '@/lib/routing/views';

export interface SnapshotVerdict {
  verdict: Verdict;
  firstProblem: CheckId | null;
}

/** Live verification GETs in flight at once: each distinct URL is called once, but a fleet can have thousands. */
export const LIVE_CHECK_CONCURRENCY = 8;

const NO_URL: DoctorCheck = {
  id: 'callback_live',
  status: 'skip',
  title: 'No URL wins for this number, so nothing was called.',
  detail: 'No tier has a URL, or the app is not subscribed.',
};

export class FleetVerdicts {
  private readonly run: DoctorRun;
  private readonly limit = pLimit(LIVE_CHECK_CONCURRENCY);
  private readonly lives = new Map<string, Promise<DoctorCheck>>();
  private shared: Promise<DoctorCheck[]> | undefined;

  constructor(ctx: DoctorContext) {
    this.run = new DoctorRun(ctx);
  }

  private sharedChecks(): Promise<DoctorCheck[]> {
    this.shared ??= Promise.all([this.run.token(), this.run.app()]).then(([token, app]) => [
      token,
      ...app.checks,
    ]);
    return this.shared;
  }

  private live(url: string): Promise<DoctorCheck> {
    let check = this.lives.get(url);
    if (!check) {
      check = this.limit(() => this.run.live(url));
      this.lives.set(url, check);
    }
    return check;
  }

  /** Distinct URLs called so far (what the "once per URL" promise is measured by). */
  get liveChecks(): number {
    return this.lives.size;
  }

  /** Every number of the WABA → its verdict and first problem. */
  async forWaba(waba: ScannedWaba): Promise<Map<string, SnapshotVerdict>> {
    const appId = this.run.ctx.appId;
    const shared = await this.sharedChecks();
    const subscribed = thisAppEntry(appId, waba.subscribedApps) !== undefined;
    const wabaChecks = [
      wabaSubscriptionCheck(waba.wabaId, subscribed, waba.readAt),
      wabaStatusCheck(
        {
          id: waba.wabaId,
          account_review_status: waba.accountReviewStatus,
          health_status: waba.healthStatus,
        },
        waba.readAt,
      ),
    ];
    const out = new Map<string, SnapshotVerdict>();
    await Promise.all(
      waba.numbers.map(async (number) => {
        const route = resolveRoute({ subscribed, tiers: number.webhook_configuration ?? {} });
        const live = route.url ? await this.live(route.url) : NO_URL;
        const checks = [...shared, ...wabaChecks, numberStatusCheck(number, waba.readAt), live];
        out.set(number.id, verdictOf(checks));
      }),
    );
    return out;
  }
}
