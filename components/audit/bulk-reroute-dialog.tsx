'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { PendingLabel } from '@/components/common/pending-label';
import { PreflightResult } from '@/components/common/preflight-result';
import { VerifyTokenInput } from '@/components/overrides/verify-token-input';
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
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { BulkPreview } from '@/lib/audit/bulk/start';
import { type AuditFilter, describeSelection, selectionOf } from '@/lib/audit/filter';
import type { BulkAction } from '@/lib/audit/types';
import type { PreflightResult as PreflightResultView } from '@/lib/routing/types';
import { checkOverrideCallbackUri, checkVerifyToken } from '@/lib/routing/validation';
import type { BulkServerActions } from './bulk-actions';
import { plural } from './format';

type Step =
  | { kind: 'form' }
  | { kind: 'review'; preview: BulkPreview; url: string; token: string; action: BulkAction };

/**
 * Bulk re-routing of an audit selection. Two steps, so nothing is written before the operator has read what will
 * happen: the form (set or clear, URL and verify token), then a confirmation that names the count of numbers and
 * the new route. Starting opens the job's page, which can be left and revisited while it runs.
 */
export function BulkRerouteDialog({
  scanId,
  filter,
  allowLoopback,
  actions,
  triggerLabel,
  triggerVariant = 'outline',
}: {
  scanId: string;
  filter: AuditFilter;
  allowLoopback: boolean;
  actions: BulkServerActions;
  triggerLabel: string;
  triggerVariant?: ButtonProps['variant'];
}) {
  const id = useId();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [action, setAction] = useState<BulkAction>('phone_override.set');
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [preflight, setPreflight] = useState<PreflightResultView | null>(null);
  const [pending, setPending] = useState(false);
  const selection = selectionOf(filter);

  const reset = () => {
    setStep({ kind: 'form' });
    setFieldErrors({});
    setError(null);
    setPreflight(null);
  };

  async function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string[]> = {};
    if (action === 'phone_override.set') {
      const urlProblem = checkOverrideCallbackUri(url.trim(), allowLoopback);
      const tokenProblem = checkVerifyToken(token);
      if (urlProblem) problems.overrideCallbackUri = [urlProblem];
      if (tokenProblem) problems.verifyToken = [tokenProblem];
    }
    setFieldErrors(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    setPending(true);
    try {
      const result = await actions.previewBulkReroute({
        scanId,
        filter: selection,
        action,
        ...(action === 'phone_override.set' && { overrideCallbackUri: url.trim() }),
      });
      if (!result.ok) setError(result.error);
      else setStep({ kind: 'review', preview: result.data, url: url.trim(), token, action });
    } finally {
      setPending(false);
    }
  }

  async function confirm() {
    if (step.kind !== 'review') return;
    setPending(true);
    setError(null);
    try {
      const result = await actions.startBulkReroute({
        scanId,
        filter: selection,
        action: step.action,
        expectedCount: step.preview.count,
        ...(step.action === 'phone_override.set' && {
          overrideCallbackUri: step.url,
          verifyToken: step.token,
        }),
      });
      if (!result.ok) return setError(result.error);
      const started = result.data;
      if (started.kind === 'started') {
        setOpen(false);
        router.push(`/audit/bulk/${started.jobId}`);
      } else if (started.kind === 'preflight_failed') {
        setPreflight(started.preflight);
        setStep({ kind: 'form' });
      } else {
        setError(started.message);
        if (started.fieldErrors) {
          setFieldErrors(started.fieldErrors);
          setStep({ kind: 'form' });
        }
      }
    } finally {
      setPending(false);
    }
  }

  const fieldError = (name: string) =>
    fieldErrors[name]?.length ? (
      <p id={`${id}-${name}-error`} className="text-sm text-red-800">
        {fieldErrors[name]?.join(' ')}
      </p>
    ) : null;

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        if (next) reset();
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
          <AlertDialogDescription>Selection: {describeSelection(selection)}.</AlertDialogDescription>
        </AlertDialogHeader>
        {step.kind === 'form' ? (
          <form id={`${id}-form`} onSubmit={review} className="space-y-4" noValidate>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-900">Change</legend>
              {(
                [
                  ['phone_override.set', 'Set the phone number override'],
                  ['phone_override.clear', 'Clear the phone number override'],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex items-center gap-2 text-sm text-slate-900">
                  <input
                    type="radio"
                    name="action"
                    value={value}
                    checked={action === value}
                    onChange={() => setAction(value)}
                    className="size-4"
                  />
                  {label}
                </label>
              ))}
            </fieldset>
            {action === 'phone_override.set' && (
              <>
                <div className="space-y-1">
                  <Label htmlFor={`${id}-url`}>New callback URL</Label>
                  <Input
                    id={`${id}-url`}
                    name="overrideCallbackUri"
                    type="url"
                    value={url}
                    onChange={(e) => setUrl(e.target.value)}
                    placeholder="https://hooks.example.com/whatsapp"
                    aria-invalid={Boolean(fieldErrors.overrideCallbackUri)}
                    aria-describedby={
                      fieldErrors.overrideCallbackUri ? `${id}-overrideCallbackUri-error` : undefined
                    }
                  />
                  {fieldError('overrideCallbackUri')}
                </div>
                <div className="space-y-1">
                  <Label htmlFor={`${id}-token`}>Verify token</Label>
                  <VerifyTokenInput
                    id={`${id}-token`}
                    name="verifyToken"
                    value={token}
                    onChange={(e) => setToken(e.target.value)}
                    aria-invalid={Boolean(fieldErrors.verifyToken)}
                    aria-describedby={fieldErrors.verifyToken ? `${id}-verifyToken-error` : undefined}
                  />
                  {fieldError('verifyToken')}
                </div>
              </>
            )}
            {preflight && <PreflightResult result={preflight} />}
          </form>
        ) : (
          <div className="space-y-3 text-sm text-slate-900" data-testid="bulk-confirmation">
            {step.preview.count === 0 ? (
              <p>No number in this selection needs this change.</p>
            ) : step.action === 'phone_override.set' ? (
              <p>
                Set the phone number override of <strong>{plural(step.preview.count, 'number')}</strong> to{' '}
                <strong className="break-all font-mono">{step.url}</strong>. Their messages webhooks will go
                there.
              </p>
            ) : (
              <p>
                Clear the phone number override of <strong>{plural(step.preview.count, 'number')}</strong>.
                Each falls back to its WABA override, or the app callback when there is none.
              </p>
            )}
            {step.preview.replacedCount > 0 && (
              <div className="space-y-1" data-testid="bulk-replaced">
                <p className="font-medium">
                  {step.action === 'phone_override.set'
                    ? `${plural(step.preview.replacedCount, 'number')} ${step.preview.replacedCount === 1 ? 'has its' : 'have their'} own phone number override now, which will be replaced:`
                    : `The phone number override ${step.preview.replacedCount === 1 ? 'this number has' : 'these numbers have'} now will be removed:`}
                </p>
                <ul className="max-h-40 space-y-0.5 overflow-y-auto rounded border border-slate-200 p-2">
                  {step.preview.replaced.map((r) => (
                    <li
                      key={r.phoneNumberId}
                      data-testid="bulk-replaced-number"
                      data-phone-number-id={r.phoneNumberId}
                    >
                      {r.displayPhoneNumber ?? r.phoneNumberId}
                      {r.wabaName && <span className="text-slate-700"> ({r.wabaName})</span>}:{' '}
                      <span className="break-all font-mono text-xs">{r.current}</span>
                    </li>
                  ))}
                </ul>
                {step.preview.replacedCount > step.preview.replaced.length && (
                  <p className="text-slate-700">
                    …and {plural(step.preview.replacedCount - step.preview.replaced.length, 'more number')}.
                  </p>
                )}
              </div>
            )}
            {step.preview.skipped > 0 && (
              <p className="text-slate-700">
                {plural(step.preview.skipped, 'number')} in the selection{' '}
                {step.action === 'phone_override.set' ? 'already use this URL' : 'have no phone override'} and
                will be skipped.
              </p>
            )}
            <p className="text-slate-700">
              The URL is checked once, then each number is written and read back, with a change-log entry
              each.
            </p>
          </div>
        )}
        <div aria-live="polite">{error && <Alert variant="destructive">{error}</Alert>}</div>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          {step.kind === 'form' ? (
            <Button type="submit" form={`${id}-form`} disabled={pending}>
              <PendingLabel pending={pending} idle="Review" busy="Counting…" />
            </Button>
          ) : (
            <>
              <Button variant="outline" onClick={() => setStep({ kind: 'form' })} disabled={pending}>
                Back
              </Button>
              <Button variant="destructive" onClick={confirm} disabled={pending || step.preview.count === 0}>
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
