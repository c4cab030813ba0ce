'use client';

import type { FormEvent } from 'react';
import { PreflightResult } from '@/components/common/preflight-result';
import { VerifyTokenInput } from '@/components/overrides/verify-token-input';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { BulkAction } from '@/lib/audit/types';
import type { PreflightResult as PreflightResultView } from '@/lib/routing/types';
import type { BulkAppChoice } from './bulk-actions';
import type { BulkInput } from './use-bulk-reroute';

const CHANGES = [
  ['phone_override.set', 'Set the phone number override'],
  ['phone_override.clear', 'Clear the phone number override'],
] as const;

/** The bulk re-route's first step: the app, set or clear, and for a set the URL and verify token. */
export function BulkRerouteForm({
  id,
  apps,
  value,
  onChange,
  fieldErrors,
  preflight,
  onReview,
}: {
  id: string;
  apps: BulkAppChoice[];
  /** Held by the dialog, so *Back* from the review finds the form as it was left. */
  value: BulkInput;
  onChange: (next: BulkInput) => void;
  fieldErrors: Record<string, string[]>;
  preflight: PreflightResultView | null;
  onReview: () => void;
}) {
  const { action, url, token } = value;
  const errorOf = (name: string) => fieldErrors[name]?.join(' ');
  const setAction = (next: BulkAction) => onChange({ ...value, action: next });
  const setUrl = (next: string) => onChange({ ...value, url: next });
  const setToken = (next: string) => onChange({ ...value, token: next });
  const setApp = (next: string) => onChange({ ...value, appId: next });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onReview();
  }

  return (
    <form id={id} onSubmit={submit} className="space-y-4" noValidate>
      {/* Meta routes each app's copy by that app's own overrides: a job changes one app's, never all. */}
      {apps.length > 1 && (
        <FormField
          id={`${id}-app`}
          label="App"
          hint="Only this app's phone overrides change; the other apps' routes stay as they are."
          error={errorOf('appId')}
        >
          {(control) => (
            <Select {...control} name="appId" value={value.appId} onChange={(e) => setApp(e.target.value)}>
              {apps.map((app) => (
                <option key={app.id} value={app.id}>
                  {app.label}
                  {app.isDefault ? ' (default)' : ''}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      )}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">Change</legend>
        {CHANGES.map(([value, label]) => (
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
          <FormField id={`${id}-url`} label="New callback URL" error={errorOf('overrideCallbackUri')}>
            {(control) => (
              <Input
                {...control}
                name="overrideCallbackUri"
                type="url"
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                placeholder="https://hooks.example.com/whatsapp"
              />
            )}
          </FormField>
          <FormField id={`${id}-token`} label="Verify token" error={errorOf('verifyToken')}>
            {(control) => (
              <VerifyTokenInput
                {...control}
                name="verifyToken"
                value={token}
                onChange={(e) => setToken(e.target.value)}
              />
            )}
          </FormField>
        </>
      )}
      {preflight && <PreflightResult result={preflight} />}
    </form>
  );
}
