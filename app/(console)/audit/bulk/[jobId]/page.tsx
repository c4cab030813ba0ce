import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { bulkAppLabel } from '@/components/audit/bulk-app';
import { BulkJobView } from '@/components/audit/bulk-job-view';
import { PageHeader } from '@/components/common/page-header';
import { getBulkJob } from '@/lib/audit';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getAppRegistry, getAuditEnv } from '@/lib/server';
import { retryBulkJobAction } from '../../_actions/retry-bulk-job';

export const metadata: Metadata = { title: 'Bulk re-routing' };
export const dynamic = 'force-dynamic';

export default async function BulkJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const user = await requireUser();
  const jobId = z.uuid().safeParse((await params).jobId);
  if (!jobId.success) notFound();
  const job = await getBulkJob((await getAuditEnv()).db, jobId.data);
  if (!job) notFound();
  const { apps } = await getAppRegistry();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/audit" className="text-blue-800 underline underline-offset-2">
          Audit
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Bulk re-routing</span>
      </nav>
      <PageHeader
        title="Bulk re-routing"
        description="Each number is written through Graph, read back, and logged in Activity."
      />
      <BulkJobView
        initial={job}
        appLabel={bulkAppLabel(apps, job.appId)}
        retry={retryBulkJobAction}
        canRetry={can(user.role, 'override.write')}
      />
    </>
  );
}
