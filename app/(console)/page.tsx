import type { Metadata } from 'next';
import { DriftSummary, readDrift } from '@/components/audit/drift-summary';
import { PageHeader } from '@/components/common/page-header';
import { ReadFailure } from '@/components/common/read-failure';
import { Timestamp } from '@/components/common/timestamp';
import { OverviewWarnings } from '@/components/overview/overview-warnings';
import { RouteCounts } from '@/components/overview/route-counts';
import { UrlChart } from '@/components/overview/url-chart';
import { fetchForPage } from '@/lib/query/fetch-for-page';
import { overviewOptions } from '@/lib/query/overview';
import { readOverview } from '@/lib/query/reads';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const result = await fetchForPage(overviewOptions(), () => readOverview());
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Overview" />
        <ReadFailure failure={result.failure} title="Could not read the fleet from Graph" />
      </>
    );
  }
  const overview = result.data;
  const drift = await readDrift();
  return (
    <>
      <PageHeader
        title="Overview"
        description={
          <>
            Where this app’s WhatsApp webhooks go, fleet-wide. Read from Graph at{' '}
            <Timestamp iso={overview.readAt} />.
          </>
        }
      />
      <div className="space-y-8">
        <section aria-labelledby="attention" className="space-y-3">
          <h2 id="attention" className="text-lg font-semibold text-slate-900">
            Needs attention
          </h2>
          {drift && <DriftSummary summary={drift} />}
          <OverviewWarnings overview={overview} drift={drift !== null} />
        </section>
        <RouteCounts overview={overview} />
        <UrlChart overview={overview} />
      </div>
    </>
  );
}
