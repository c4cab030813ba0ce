'use client';

import { useId, useRef, useState } from 'react';
import { changeDeploymentSettingsAction } from '@/app/(console)/on-premises/_actions/change-deployment-settings';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/auth/safe-action';
import type { ChangeSettingsOutcome } from '@/lib/onprem/settings';
import {
  changedKeys,
  MAX_CONCURRENT_REQUESTS,
  SETTING_LABELS,
  type WebhookSettings,
} from '@/lib/onprem/settings-form';
import { formatSetting } from './settings-facts';
import { SettingsOutcome } from './settings-outcome';

const SWITCHES = ['callbackPersist', 'messageSent', 'messageDelivered', 'messageRead'] as const;
const DELAYS = ['callbackBackoffDelayMs', 'maxCallbackBackoffDelayMs'] as const;

/**
 * Admin form for one Coreapp's webhook settings. Saving opens a confirmation that lists every change
 * (before → after); the result shows what the Coreapp reports when read back.
 */
export function DeploymentSettingsForm({
  deploymentId,
  label,
  loaded,
}: {
  deploymentId: string;
  label: string;
  loaded: WebhookSettings;
}) {
  const id = useId();
  const [draft, setDraft] = useState<WebhookSettings>(loaded);
  const [result, setResult] = useState<ActionResult<ChangeSettingsOutcome> | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const changes = changedKeys(loaded, draft);
  const fieldError = (key: keyof WebhookSettings) =>
    result && !result.ok ? result.fieldErrors?.[`settings.${key}`]?.[0] : undefined;
  const set = <K extends keyof WebhookSettings>(key: K, value: WebhookSettings[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  async function save() {
    const outcome = await changeDeploymentSettingsAction({
      id: deploymentId,
      expectedWebhookUrl: loaded.webhookUrl,
      settings: draft,
    });
    setResult(outcome);
  }

  return (
    <form
      className="space-y-3"
      onSubmit={(e) => e.preventDefault()}
      aria-label={`Webhook settings of ${label}`}
    >
      <div className="space-y-1">
        <label htmlFor={`${id}-url`} className="text-sm font-medium">
          {SETTING_LABELS.webhookUrl}
        </label>
        <Input
          id={`${id}-url`}
          value={draft.webhookUrl}
          onChange={(e) => set('webhookUrl', e.target.value)}
          aria-invalid={fieldError('webhookUrl') ? true : undefined}
          aria-describedby={`${id}-url-error`}
          className="font-mono"
        />
        <FieldError
          id={`${id}-url-error`}
          message={
            fieldError('webhookUrl') ??
            'HTTPS, at most 200 characters. Empty turns the Coreapp’s webhooks off.'
          }
        />
      </div>
      <fieldset className="grid gap-2 sm:grid-cols-2">
        <legend className="sr-only">Notifications and delivery</legend>
        {SWITCHES.map((key) => (
          <label key={key} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={draft[key]} onChange={(e) => set(key, e.target.checked)} />
            {SETTING_LABELS[key]}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        {DELAYS.map((key) => (
          <div key={key} className="space-y-1">
            <label htmlFor={`${id}-${key}`} className="text-sm font-medium">
              {SETTING_LABELS[key]}
            </label>
            <Input
              id={`${id}-${key}`}
              type="number"
              min={0}
              value={draft[key]}
              onChange={(e) => set(key, Number(e.target.value))}
              aria-describedby={`${id}-${key}-error`}
            />
            <FieldError id={`${id}-${key}-error`} message={fieldError(key)} />
          </div>
        ))}
        <div className="space-y-1">
          <label htmlFor={`${id}-concurrency`} className="text-sm font-medium">
            {SETTING_LABELS.maxConcurrentRequests}
          </label>
          <select
            id={`${id}-concurrency`}
            className="h-9 w-full rounded-md border border-slate-300 px-2 text-sm"
            value={draft.maxConcurrentRequests}
            onChange={(e) => set('maxConcurrentRequests', Number(e.target.value))}
          >
            {MAX_CONCURRENT_REQUESTS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ConfirmDialog
        triggerLabel="Review and save…"
        title={`Change the webhook settings of ${label}?`}
        description={
          <>
            <p>The Coreapp will be sent these changes, then read back:</p>
            <ul className="list-disc pl-5 text-sm" data-testid="onprem-confirm-changes">
              {changes.map((key) => (
                <li key={key}>
                  {SETTING_LABELS[key]}: <span className="font-mono">{formatSetting(loaded[key])}</span> →{' '}
                  <span className="font-mono">{formatSetting(draft[key])}</span>
                </li>
              ))}
            </ul>
            {changes.includes('webhookUrl') && draft.webhookUrl !== '' && (
              <p>The new URL is checked first: if it does not answer, nothing is sent.</p>
            )}
          </>
        }
        confirmLabel="Save settings"
        pendingLabel="Saving…"
        onConfirm={save}
        disabled={changes.length === 0}
        resultRef={resultRef}
      />
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="focus:outline-none">
        {result && <SettingsOutcome result={result} />}
      </div>
    </form>
  );
}
