'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useActionForm } from '@/components/ui/use-action-form';
import type { BulkPreview } from '@/lib/audit/bulk/start';
import { type AuditFilter, selectionOf } from '@/lib/audit/filter';
import type { BulkAction } from '@/lib/audit/types';
import type { PreflightResult } from '@/lib/routing/types';
import { checkOverrideCallbackUri, checkVerifyToken } from '@/lib/routing/validation';
import type { BulkAppChoice, BulkServerActions } from './bulk-actions';

export type BulkStep =
  | { kind: 'form' }
  | { kind: 'review'; preview: BulkPreview; url: string; token: string; action: BulkAction; appId: string };

export interface BulkInput {
  action: BulkAction;
  url: string;
  token: string;
  /** The one app whose phone overrides the job changes; the default app preselected. */
  appId: string;
}

/**
 * The bulk re-route's two steps as state: `review` checks the fields and counts the selection (nothing written),
 * `confirm` starts the job and opens its page. A field the server refuses sends the person back to the form with
 * that field marked; a failed URL check shows the preflight.
 */
export function useBulkReroute({
  scanId,
  filter,
  allowLoopback,
  apps,
  actions,
  onStarted,
}: {
  scanId: string;
  filter: AuditFilter;
  allowLoopback: boolean;
  apps: BulkAppChoice[];
  actions: BulkServerActions;
  onStarted: () => void;
}) {
  const router = useRouter();
  const [step, setStep] = useState<BulkStep>({ kind: 'form' });
  // The audit's app filter, when it names a configured app, preselects that app: the person was looking at its rows.
  const defaultAppId =
    (apps.find((app) => app.id === filter.app) ?? apps.find((app) => app.isDefault) ?? apps[0])?.id ?? '';
  const [input, setInput] = useState<BulkInput>({
    action: 'phone_override.set',
    url: '',
    token: '',
    appId: defaultAppId,
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [preflight, setPreflight] = useState<PreflightResult | null>(null);
  const selection = selectionOf(filter);
  // Both steps run through the one write pattern; its pending state is the hook's.
  const previewAction = useActionForm(actions.previewBulkReroute, { resetOnSuccess: false });
  const startAction = useActionForm(actions.startBulkReroute, { resetOnSuccess: false });
  const pending = previewAction.pending || startAction.pending;

  function reset() {
    setStep({ kind: 'form' });
    // Opened again, perhaps after the app filter changed: the app follows the filter again.
    setInput((previous) => ({ ...previous, appId: defaultAppId }));
    setFieldErrors({});
    setError(null);
    setPreflight(null);
  }

  async function review() {
    const { action, url, token, appId } = input;
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
    const result = await previewAction.run({
      scanId,
      filter: selection,
      action,
      ...(appId && { appId }),
      ...(action === 'phone_override.set' && { overrideCallbackUri: url.trim() }),
    });
    if (!result.ok) {
      setError(result.error);
      if (result.fieldErrors) setFieldErrors(result.fieldErrors);
    } else setStep({ kind: 'review', preview: result.data, url: url.trim(), token, action, appId });
  }

  async function confirm() {
    if (step.kind !== 'review') return;
    setError(null);
    const result = await startAction.run({
      scanId,
      filter: selection,
      action: step.action,
      ...(step.appId && { appId: step.appId }),
      expectedCount: step.preview.count,
      ...(step.action === 'phone_override.set' && {
        overrideCallbackUri: step.url,
        verifyToken: step.token,
      }),
    });
    if (!result.ok) {
      setError(result.error);
      // A field the service refused (the URL, the token): back to the form with the field marked.
      if (result.fieldErrors) {
        setFieldErrors(result.fieldErrors);
        setStep({ kind: 'form' });
      }
      return;
    }
    const started = result.data;
    if (started.kind === 'started') {
      onStarted();
      router.push(`/audit/bulk/${started.jobId}`);
    } else if (started.kind === 'preflight_failed') {
      setPreflight(started.preflight);
      setStep({ kind: 'form' });
    } else {
      setError(started.message);
    }
  }

  return {
    selection,
    step,
    input,
    setInput,
    back: () => setStep({ kind: 'form' }),
    fieldErrors,
    error,
    preflight,
    pending,
    reset,
    review,
    confirm,
  };
}
