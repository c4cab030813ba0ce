'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useId } from 'react';
import { PendingLabel } from '@/components/common/pending-label';
import { PreflightResult } from '@/components/common/preflight-result';
import { Timestamp } from '@/components/common/timestamp';
import { VerifyTokenInput } from '@/components/overrides/verify-token-input';
import { TierBadge } from '@/components/routing/tier-badge';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeProps } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { useActionForm } from '@/components/ui/use-action-form';
import type { BulkStartResult } from '@/lib/audit/bulk/start';
import type { BulkItemStatus, BulkJobView as BulkJob } from '@/lib/audit/types';
import type { ActionResult } from '@/lib/auth/safe-action';
import { auditKeys } from '@/lib/query/keys';
import { fetchBulkJob } from './audit-api';
import { count, plural } from './format';
import { ProgressBar } from './progress-bar';

const STATUS: Record<BulkItemStatus, { label: string; variant: BadgeProps['variant'] }> = {
  pending: { label: 'Waiting', variant: 'neutral' },
  running: { label: 'Writing', variant: 'info' },
  applied: { label: 'Applied', variant: 'success' },
  failed: { label: 'Failed', variant: 'danger' },
};

export type RetryBulkJobAction = (input: {
  jobId: string;
  verifyToken?: string;
}) => Promise<ActionResult<BulkStartResult>>;

function RetryForm({
  job,
  retry,
  onStarted,
}: {
  job: BulkJob;
  retry: RetryBulkJobAction;
  onStarted: () => void;
}) {
  const id = useId();
  const needsToken = job.action === 'phone_override.set';
  const retryable = job.counts.failed + job.counts.pending + job.counts.running;
  const { state, run, pending } = useActionForm(retry, {
    resetOnSuccess: false,
    after: (result) => result.ok && result.data.kind === 'started' && onStarted(),
  });
  // A refused token comes back as the wrapper's field errors; this form has one field, so they join the message.
  const error = !state
    ? null
    : !state.ok
      ? [state.error, ...Object.values(state.fieldErrors ?? {}).flat()].join(' ')
      : state.data.kind === 'refused'
        ? state.data.message
        : null;
  const preflight = state?.ok && state.data.kind === 'preflight_failed' ? state.data.preflight : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const token = String(new FormData(event.currentTarget).get('verifyToken') ?? '');
    void run({ jobId: job.id, ...(needsToken && { verifyToken: token }) });
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
        Retry {plural(retryable, 'number')}
      </h2>
      {needsToken && (
        <div className="max-w-md space-y-1">
          <Label htmlFor={`${id}-token`}>Verify token</Label>
          <VerifyTokenInput id={`${id}-token`} name="verifyToken" required />
          <p className="text-xs text-slate-700">
            Switchboard does not store verify tokens; type it again (it was{' '}
            {job.verifyTokenMasked ?? 'masked'}).
          </p>
        </div>
      )}
      <div aria-live="polite" className="space-y-2">
        {error && <Alert variant="destructive">{error}</Alert>}
        {preflight && <PreflightResult result={preflight} />}
      </div>
      <Button type="submit" disabled={pending}>
        <PendingLabel pending={pending} idle={`Retry ${plural(retryable, 'number')}`} busy="Starting…" />
      </Button>
    </form>
  );
}

/** A bulk job's progress and per-number outcomes, polled while it runs (by whichever instance runs it). */
export function BulkJobView({
  initial,
  appLabel,
  retry,
  canRetry,
}: {
  initial: BulkJob;
  /** The app whose phone overrides the job changes. */
  appLabel: string;
  retry: RetryBulkJobAction;
  canRetry: boolean;
}) {
  const client = useQueryClient();
  const { data: job } = useQuery({
    queryKey: auditKeys.bulkJob(initial.id),
    queryFn: () => fetchBulkJob(initial.id),
    initialData: initial,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1_000 : false),
    refetchIntervalInBackground: true,
  });
  const done = job.counts.applied + job.counts.failed;
  const running = job.status === 'running';
  const target =
    job.action === 'phone_override.set' ? (
      <>
        set the phone number override to{' '}
        <span className="break-all font-mono">{job.overrideCallbackUri}</span>
      </>
    ) : (
      <>clear the phone number override</>
    );
  return (
    <div className="space-y-6">
      <section
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        aria-labelledby="job-progress"
      >
        <h2 id="job-progress" className="text-base font-semibold text-slate-900">
          {running ? 'Running' : job.status === 'interrupted' ? 'Interrupted' : 'Finished'}
        </h2>
        <p className="text-sm text-slate-800">
          {plural(job.total, 'number')} ({job.selection}): {target} for{' '}
          <strong data-testid="bulk-job-app">{appLabel}</strong> (other apps' routes stay as they are).
          Started by {job.createdBy} at <Timestamp iso={job.createdAt} />
          {job.finishedAt && (
            <>
              , finished at <Timestamp iso={job.finishedAt} />
            </>
          )}
          .
        </p>
        <ProgressBar label="Bulk re-routing progress" value={done} max={job.total} />
        <p className="text-sm text-slate-900" aria-live="polite" data-testid="bulk-counts">
          {count(done)} of {count(job.total)} done: <strong>{count(job.counts.applied)} applied</strong>,{' '}
          <strong className={job.counts.failed ? 'text-red-800' : undefined}>
            {count(job.counts.failed)} failed
          </strong>
          {job.counts.pending + job.counts.running > 0 &&
            `, ${count(job.counts.pending + job.counts.running)} to go`}
          .{job.backoffs > 0 && ` Paused ${plural(job.backoffs, 'time')} for Graph’s rate limits.`}
        </p>
        {job.status === 'interrupted' && (
          <Alert variant="warning">
            The process running this job stopped. Numbers not yet written are listed as waiting; retry to
            finish them.
          </Alert>
        )}
        {running && <p className="text-xs text-slate-700">You can leave this page; the job keeps running.</p>}
      </section>
      {canRetry && !running && job.counts.failed + job.counts.pending + job.counts.running > 0 && (
        <RetryForm
          job={job}
          retry={retry}
          onStarted={() => void client.invalidateQueries({ queryKey: auditKeys.bulkJob(job.id) })}
        />
      )}
      <Table data-testid="bulk-items">
        <TableCaption>Outcome per number, failures first</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>Number</TableHead>
            <TableHead>WABA</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Phone override: before → after</TableHead>
            <TableHead>Details</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {job.items.map((item) => (
            <TableRow key={item.phoneNumberId} data-testid="bulk-item" data-status={item.status}>
              <TableCell>
                <Link
                  href={`/numbers/${item.phoneNumberId}`}
                  className="text-blue-800 underline underline-offset-2"
                >
                  {item.displayPhoneNumber ?? item.phoneNumberId}
                </Link>
              </TableCell>
              <TableCell>{item.wabaName ?? item.wabaId}</TableCell>
              <TableCell>
                <Badge variant={STATUS[item.status].variant}>{STATUS[item.status].label}</Badge>
                {item.attempts > 1 && (
                  <span className="ml-1 text-xs text-slate-700">({item.attempts} attempts)</span>
                )}
              </TableCell>
              <TableCell data-testid="bulk-item-change">
                <div className="space-y-1 font-mono text-xs">
                  <span className="block break-words" data-testid="bulk-item-before">
                    <span className="sr-only">Before: </span>
                    {item.before ?? (
                      <span className="font-sans italic text-slate-700">No phone override</span>
                    )}
                  </span>
                  <span aria-hidden="true" className="block text-slate-600">
                    ↓
                  </span>
                  {item.readBack ? (
                    <span className="block break-words" data-testid="bulk-item-after">
                      <span className="sr-only">After, as Graph reports it now: </span>
                      {item.readBack.phoneTier ?? (
                        <span className="font-sans italic text-slate-700">No phone override</span>
                      )}
                    </span>
                  ) : (
                    <span className="block font-sans text-slate-700">Not written</span>
                  )}
                </div>
                {item.readBack && (
                  <div className="mt-1">
                    <TierBadge tier={item.readBack.winner} />
                  </div>
                )}
              </TableCell>
              <TableCell className="max-w-md text-sm">{item.message ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {job.items.length < job.total && (
        <p className="text-sm text-slate-700">
          Showing the first {count(job.items.length)} numbers (failures first).
        </p>
      )}
    </div>
  );
}
