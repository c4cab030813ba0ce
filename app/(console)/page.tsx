import type { Metadata } from 'next';
import { DriftSummary, readDrift } from '@/components/audit/drift-summary';
import { PageHeader } from '@/components/common/page-header';
import { ReadFailure } from '@/components/common/read-failure';
import { OverviewWarnings } from '@/components/overview/overview-warnings';
import { RouteCounts } from '@/components/overview/route-counts';
import { SnapshotRefresh } from '@/components/overview/snapshot-refresh';
import { Undeliverable } from '@/components/overview/undeliverable';
import { UrlChart } from '@/components/overview/url-chart';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { fetchForPage } from '@/lib/query/fetch-for-page';
import { overviewOptions } from '@/lib/query/overview';
import { readOverview } from '@/lib/query/reads';
import { startAuditScanAction } from './audit/_actions/start-audit-scan';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const user = await requireUser();
  const result = await fetchForPage(overviewOptions(), () => readOverview());
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Overview" />
        <ReadFailure failure={result.failure} title="Could not read the latest audit snapshot" />
      </>
    );
  }
  const overview = result.data;
  const startScan = can(user.role, 'audit.scan') ? startAuditScanAction : undefined;
  // Only the freshness line polls (while a scan runs); it brings TanStack Query's provider with its poller.
  const refresh = <SnapshotRefresh overview={overview} startScan={startScan} />;
  if (!overview.snapshot) {
    return (
      <>
        <PageHeader title="Overview" description="Where this app’s WhatsApp webhooks go, fleet-wide." />
        {refresh}
      </>
    );
  }
  const drift = await readDrift();
  const undeliverable = overview.undeliverable?.total ?? 0;
  return (
    <>
      <PageHeader title="Overview" description="Where this app’s WhatsApp webhooks go, fleet-wide." />
      <div className="space-y-8">
        {refresh}
        <section aria-labelledby="attention" className="space-y-3">
          <h2 id="attention" className="text-lg font-semibold text-slate-900">
            Needs attention
          </h2>
          <Undeliverable undeliverable={overview.undeliverable} />
          {drift && <DriftSummary summary={drift} />}
          {/* With another alert shown above, "Nothing needs attention" must not be. */}
          <OverviewWarnings overview={overview} drift={drift !== null || undeliverable > 0} />
        </section>
        <RouteCounts overview={overview} />
        <UrlChart overview={overview} />
      </div>
    </>
  );
}
