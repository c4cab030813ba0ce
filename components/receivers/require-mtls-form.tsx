'use client';

import { useActionState, useId } from 'react';
import { setReceiverRequireMtlsAction } from '@/app/(console)/receivers/_actions/set-receiver-require-mtls';
import { PendingLabel } from '@/components/common/pending-label';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/auth/safe-action';

type State = ActionResult<{ requireMtls: boolean }> | null;

/** Admin switch: refuse deliveries without Meta's client certificate (the inspector shows what each one had). */
export function RequireMtlsForm({ receiverId, requireMtls }: { receiverId: string; requireMtls: boolean }) {
  const [state, action, pending] = useActionState<State, FormData>(
    (_prev, form) => setReceiverRequireMtlsAction(form),
    null,
  );
  const id = useId();
  return (
    <form action={action} className="space-y-2" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="font-semibold">
        Mutual TLS
      </h3>
      <input type="hidden" name="id" value={receiverId} />
      <div className="flex items-start gap-2">
        <input
          id={`${id}-requireMtls`}
          name="requireMtls"
          type="checkbox"
          defaultChecked={requireMtls}
          className="mt-1 size-4"
          aria-describedby={`${id}-hint`}
        />
        <div>
          <label htmlFor={`${id}-requireMtls`} className="text-sm font-medium">
            Require mTLS
          </label>
          <p id={`${id}-hint`} className="text-sm text-slate-700">
            Deliveries without a client certificate for client.webhooks.fbclientcerts.com that chains to the
            configured CA are refused (403) and recorded. Meta sends one only once mTLS is on for the app in
            the App Dashboard.
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="outline" disabled={pending}>
          <PendingLabel pending={pending} idle="Save" busy="Saving…" />
        </Button>
        <div aria-live="polite" className="min-w-0 flex-1">
          {state?.ok && (
            <Alert variant="success">
              <p>{state.data.requireMtls ? 'mTLS is now required.' : 'mTLS is no longer required.'}</p>
            </Alert>
          )}
          {state && !state.ok && (
            <Alert variant="destructive">
              <p>{state.error}</p>
            </Alert>
          )}
        </div>
      </div>
    </form>
  );
}
