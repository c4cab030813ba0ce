import Link from 'next/link';
import { Timestamp } from '@/components/common/timestamp';
import { Badge } from '@/components/ui/badge';
import type { BulkJobView } from '@/lib/audit/types';
import type { BulkAppChoice } from './bulk-actions';
import { bulkAppLabel } from './bulk-app';
import { count } from './format';

/** Recent bulk re-routing jobs, each linking to its progress page. */
export function BulkJobsList({ jobs, apps }: { jobs: BulkJobView[]; apps: BulkAppChoice[] }) {
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="bulk-jobs" className="space-y-2">
      <h2 id="bulk-jobs" className="text-base font-semibold text-slate-900">
        Recent bulk re-routing
      </h2>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
        {jobs.map((job) => (
          <li key={job.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
            <Link href={`/audit/bulk/${job.id}`} className="text-blue-800 underline underline-offset-2">
              {job.action === 'phone_override.set' ? 'Set' : 'Clear'} the phone override of {count(job.total)}{' '}
              {job.total === 1 ? 'number' : 'numbers'}
              {job.overrideCallbackUri && ` → ${job.overrideCallbackUri}`}
            </Link>
            {apps.length > 1 && (
              <span className="text-slate-700" data-testid="bulk-job-app">
                {bulkAppLabel(apps, job.appId)}
              </span>
            )}
            <span className="flex items-center gap-2 text-slate-700">
              <Badge variant={job.status === 'running' ? 'info' : job.counts.failed ? 'danger' : 'success'}>
                {job.status === 'running'
                  ? 'Running'
                  : job.status === 'interrupted'
                    ? 'Interrupted'
                    : job.counts.failed
                      ? `${count(job.counts.failed)} failed`
                      : 'Done'}
              </Badge>
              <Timestamp iso={job.createdAt} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
