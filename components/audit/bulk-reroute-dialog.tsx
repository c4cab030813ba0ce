'use client';

import { useId, useState } from 'react';
import { PendingLabel } from '@/components/common/pending-label';
import { Alert } from '@/components/ui/alert';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button, type ButtonProps } from '@/components/ui/button';
import { type AuditFilter, describeSelection } from '@/lib/audit/filter';
import type { BulkAppChoice, BulkServerActions } from './bulk-actions';
import { BulkConfirmation } from './bulk-confirmation';
import { BulkRerouteForm } from './bulk-reroute-form';
import { plural } from './format';
import { useBulkReroute } from './use-bulk-reroute';

/**
 * Bulk re-routing of an audit selection. Two steps, so nothing is written before the operator has read what will
 * happen: the form (set or clear, URL and verify token), then a confirmation that names the count of numbers and
 * the new route. Starting opens the job's page, which can be left and revisited while it runs.
 */
export function BulkRerouteDialog({
  scanId,
  filter,
  allowLoopback,
  apps,
  actions,
  triggerLabel,
  triggerVariant = 'outline',
}: {
  scanId: string;
  filter: AuditFilter;
  allowLoopback: boolean;
  /** The configured apps, the default first: the job changes one of them. */
  apps: BulkAppChoice[];
  actions: BulkServerActions;
  triggerLabel: string;
  triggerVariant?: ButtonProps['variant'];
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const bulk = useBulkReroute({
    scanId,
    filter,
    allowLoopback,
    apps,
    actions,
    onStarted: () => setOpen(false),
  });
  const { step, pending } = bulk;

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        if (next) bulk.reset();
        setOpen(next);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant={triggerVariant} size="sm">
          {triggerLabel}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent className="max-w-xl">
        <AlertDialogHeader>
          <AlertDialogTitle>Re-route numbers</AlertDialogTitle>
          <AlertDialogDescription>Selection: {describeSelection(bulk.selection)}.</AlertDialogDescription>
        </AlertDialogHeader>
        {step.kind === 'form' ? (
          <BulkRerouteForm
            id={`${id}-form`}
            apps={apps}
            value={bulk.input}
            onChange={bulk.setInput}
            fieldErrors={bulk.fieldErrors}
            preflight={bulk.preflight}
            onReview={bulk.review}
          />
        ) : (
          <BulkConfirmation
            preview={step.preview}
            action={step.action}
            url={step.url}
            others={apps.filter((app) => app.id !== step.preview.app.id)}
          />
        )}
        <div aria-live="polite">{bulk.error && <Alert variant="destructive">{bulk.error}</Alert>}</div>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          {step.kind === 'form' ? (
            <Button type="submit" form={`${id}-form`} disabled={pending}>
              <PendingLabel pending={pending} idle="Review" busy="Counting…" />
            </Button>
          ) : (
            <>
              <Button variant="outline" onClick={bulk.back} disabled={pending}>
                Back
              </Button>
              <Button
                variant="destructive"
                onClick={bulk.confirm}
                disabled={pending || step.preview.count === 0}
              >
                <PendingLabel
                  pending={pending}
                  idle={`Re-route ${plural(step.preview.count, 'number')}`}
                  busy="Starting…"
                />
              </Button>
            </>
          )}
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
