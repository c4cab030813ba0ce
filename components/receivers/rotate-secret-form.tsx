'use client';

import { useActionState, useEffect, useId, useRef } from 'react';
import { rotateReceiverSecretAction } from '@/app/(console)/receivers/_actions/rotate-receiver-secret';
import { PendingLabel } from '@/components/common/pending-label';
import { formatUtc } from '@/components/common/timestamp';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/auth/safe-action';

type State = ActionResult<{ previousValidUntil: string }> | null;

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
  const [state, action, pending] = useActionState<State, FormData>(
    (_prev, form) => rotateReceiverSecretAction(form),
    null,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  return (
    <form ref={formRef} action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        Rotate app secret
      </h3>
      <input type="hidden" name="id" value={receiverId} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <div className="space-y-1">
          <label htmlFor={`${id}-secret`} className="text-sm font-medium">
            New app secret
          </label>
          <Input
            id={`${id}-secret`}
            name="appSecret"
            type="password"
            required
            autoComplete="off"
            aria-invalid={fieldError('appSecret') ? true : undefined}
            aria-describedby={`${id}-secret-error`}
          />
          <FieldError id={`${id}-secret-error`} message={fieldError('appSecret')} />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-grace`} className="text-sm font-medium">
            Keep the old secret valid for (hours)
          </label>
          <Input
            id={`${id}-grace`}
            name="graceHours"
            type="number"
            min={0}
            max={720}
            defaultValue={defaultGraceHours}
            required
            aria-invalid={fieldError('graceHours') ? true : undefined}
            aria-describedby={`${id}-grace-error`}
          />
          <FieldError id={`${id}-grace-error`} message={fieldError('graceHours')} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="outline" disabled={pending}>
          <PendingLabel pending={pending} idle="Rotate secret" busy="Rotating…" />
        </Button>
        <div aria-live="polite" className="min-w-0 flex-1">
          {state?.ok && (
            <p className="text-sm text-emerald-800">
              Rotated. The new secret verifies now; the old one until{' '}
              {formatUtc(state.data.previousValidUntil)}.
            </p>
          )}
          {state && !state.ok && !state.fieldErrors && (
            <Alert variant="destructive">
              <p>{state.error}</p>
            </Alert>
          )}
        </div>
      </div>
    </form>
  );
}
