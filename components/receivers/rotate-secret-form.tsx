'use client';

import { useId } from 'react';
import { rotateReceiverSecretAction } from '@/app/(console)/receivers/_actions/rotate-receiver-secret';
import { PendingLabel } from '@/components/common/pending-label';
import { formatUtc } from '@/components/common/timestamp';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { ResultRegion } from '@/components/ui/result-region';
import { useActionForm } from '@/components/ui/use-action-form';

/**
 * After resetting the app secret in the App Dashboard, paste the new one here. Meta keeps retrying deliveries
 * signed with the old secret, so the old one stays valid for the grace period.
 */
export function RotateSecretForm({
  receiverId,
  defaultGraceHours,
}: {
  receiverId: string;
  defaultGraceHours: number;
}) {
  const { state, formAction, pending, formRef, fieldError } = useActionForm(rotateReceiverSecretAction);
  const id = useId();

  return (
    <form ref={formRef} action={formAction} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        Rotate app secret
      </h3>
      <input type="hidden" name="id" value={receiverId} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <FormField id={`${id}-secret`} label="New app secret" error={fieldError('appSecret')}>
          {(control) => <Input {...control} name="appSecret" type="password" required autoComplete="off" />}
        </FormField>
        <FormField
          id={`${id}-grace`}
          label="Keep the old secret valid for (hours)"
          error={fieldError('graceHours')}
        >
          {(control) => (
            <Input
              {...control}
              name="graceHours"
              type="number"
              min={0}
              max={720}
              defaultValue={defaultGraceHours}
              required
            />
          )}
        </FormField>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="outline" disabled={pending}>
          <PendingLabel pending={pending} idle="Rotate secret" busy="Rotating…" />
        </Button>
        <ResultRegion
          state={state}
          success={(data) => (
            <p className="text-sm text-emerald-800">
              Rotated. The new secret verifies now; the old one until {formatUtc(data.previousValidUntil)}.
            </p>
          )}
        />
      </div>
    </form>
  );
}
