import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuditConsole } from '@/components/audit/audit-console';
import { BulkJobsList } from '@/components/audit/bulk-jobs-list';
import { PageHeader } from '@/components/common/page-header';
import { latestCompletedScan, latestScan, recentBulkJobs } from '@/lib/audit';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { getAppRegistry, getAuditEnv } from '@/lib/server';
import { previewBulkRerouteAction } from './_actions/preview-bulk-reroute';
import { startAuditScanAction } from './_actions/start-audit-scan';
import { startBulkRerouteAction } from './_actions/start-bulk-reroute';

export const metadata: Metadata = { title: 'Audit' };
export const dynamic = 'force-dynamic';

export default async function AuditPage() {
  const user = await requireUser();
  const { db } = await getAuditEnv();
  const [latest, current, jobs, registry] = await Promise.all([
    latestScan(db),
    latestCompletedScan(db),
    recentBulkJobs(db, 5),
    getAppRegistry(),
  ]);
  const apps = registry.apps.map(({ id, label, isDefault }) => ({ id, label, isDefault }));
  return (
    <>
      <PageHeader
        title="Audit"
        description="Where every number of every WABA sends its webhooks, from the latest scan of the whole fleet: filter, group by URL, export, and re-route in bulk."
      />
      <div className="space-y-8">
        {/* useSearchParams (filters in the URL) needs a Suspense boundary. */}
        <Suspense>
          <AuditConsole
            initial={{ latest, current }}
            permissions={{
              export: can(user.role, 'data.export'),
              reroute: can(user.role, 'override.write'),
              scan: can(user.role, 'audit.scan'),
            }}
            allowLoopback={getConfig().ALLOW_LOOPBACK_CALLBACKS}
            bulkApps={apps}
            actions={{
              startAuditScan: startAuditScanAction,
              previewBulkReroute: previewBulkRerouteAction,
              startBulkReroute: startBulkRerouteAction,
            }}
          />
        </Suspense>
        <BulkJobsList jobs={jobs} apps={apps} />
      </div>
    </>
  );
}
