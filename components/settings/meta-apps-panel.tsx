'use client';

import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { addMetaAppAction } from '@/app/(console)/settings/_actions/add-meta-app';
import { removeMetaAppAction } from '@/app/(console)/settings/_actions/remove-meta-app';
import { PendingLabel } from '@/components/common/pending-label';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { ResultRegion } from '@/components/ui/result-region';
import { useActionForm } from '@/components/ui/use-action-form';
import type { AppSummary } from '@/lib/apps/types';

/** The configured apps, and (admins) adding one with its token and secret, which are never shown again. */
export function MetaAppsPanel({ apps }: { apps: AppSummary[] }) {
  const router = useRouter();
  const add = useActionForm(addMetaAppAction, { after: (r) => r.ok && router.refresh() });
  const remove = useActionForm(removeMetaAppAction, {
    resetOnSuccess: false,
    after: (r) => r.ok && router.refresh(),
  });
  const id = useId();
  return (
    <div className="space-y-4">
      <ul className="space-y-1 text-sm" data-testid="configured-apps">
        {apps.map((app) => (
          <li key={app.id} data-app-id={app.id} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{app.label}</span>
            <span className="font-mono text-xs">{app.id}</span>
            {app.isDefault && <Badge variant="neutral">default</Badge>}
            <Badge variant="neutral">
              {app.source === 'environment' ? 'from the environment' : 'added in Settings'}
            </Badge>
            {!app.hasAppSecret && (
              <span className="text-xs text-slate-700">no app secret: application tier unavailable</span>
            )}
            {app.source === 'settings' && (
              <Button
                variant="outline"
                size="sm"
                disabled={remove.pending}
                onClick={() => void remove.run({ appId: app.id })}
              >
                Remove {app.label}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ResultRegion
        state={remove.state}
        success={(data) => <p className="text-sm text-emerald-800">Removed {data.label}.</p>}
      />
      <form ref={add.formRef} action={add.formAction} className="space-y-3" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className="text-base font-semibold">
          Add an app
        </h3>
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField id={`${id}-app-id`} label="App id" error={add.fieldError('appId')}>
            {(control) => <Input {...control} name="appId" inputMode="numeric" required autoComplete="off" />}
          </FormField>
          <FormField id={`${id}-label`} label="Label" error={add.fieldError('label')}>
            {(control) => <Input {...control} name="label" required autoComplete="off" />}
          </FormField>
          <FormField
            id={`${id}-token`}
            label="System-user token"
            hint="Encrypted at rest; never shown again."
            error={add.fieldError('accessToken')}
          >
            {(control) => (
              <Input {...control} name="accessToken" type="password" required autoComplete="off" />
            )}
          </FormField>
          <FormField
            id={`${id}-secret`}
            label={
              <>
                App secret <span className="font-normal text-slate-700">(optional)</span>
              </>
            }
            error={add.fieldError('appSecret')}
          >
            {(control) => <Input {...control} name="appSecret" type="password" autoComplete="off" />}
          </FormField>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={add.pending}>
            <PendingLabel pending={add.pending} idle="Add app" busy="Adding…" />
          </Button>
          <ResultRegion
            state={add.state}
            success={(data) => <p className="text-sm text-emerald-800">Added {data.label}.</p>}
          />
        </div>
      </form>
    </div>
  );
}
