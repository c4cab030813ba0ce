'use client';

import Link from 'next/link';
import { useActionState, useEffect, useId, useRef } from 'react';
import { createReceiverAction } from '@/app/(console)/receivers/_actions/create-receiver';
import { PendingLabel } from '@/components/common/pending-label';
import { FieldError } from '@/components/overrides/field-error';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/auth/safe-action';

type State = ActionResult<{ id: string; url: string }> | null;

const FIELDS = [
  {
    name: 'name',
    label: 'Name',
    type: 'text',
    hint: 'What support staff will recognise, e.g. "Dublin store".',
  },
  {
    name: 'verifyToken',
    label: 'Verify token',
    type: 'password',
    hint: 'Any secret string, 8+ characters. Enter the same token when you set an override to this URL.',
  },
  {
    name: 'appSecret',
    label: 'App secret',
    type: 'password',
    hint: 'From the App Dashboard (Settings › Basic). Deliveries must be signed with it. Stored encrypted.',
  },
] as const;

/** Admin form: a new receiver at `/api/hooks/<id>`. Secrets are never shown again after submitting. */
export function CreateReceiverForm() {
  const [state, action, pending] = useActionState<State, FormData>(
    (_prev, form) => createReceiverAction(form),
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
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Add a receiver
      </h2>
      <div className="grid gap-3 md:grid-cols-3">
        {FIELDS.map((field) => (
          <div key={field.name} className="space-y-1">
            <label htmlFor={`${id}-${field.name}`} className="text-sm font-medium">
              {field.label}
            </label>
            <Input
              id={`${id}-${field.name}`}
              name={field.name}
              type={field.type}
              required
              autoComplete="off"
              aria-invalid={fieldError(field.name) ? true : undefined}
              aria-describedby={`${id}-${field.name}-error`}
            />
            <FieldError id={`${id}-${field.name}-error`} message={fieldError(field.name) ?? field.hint} />
          </div>
        ))}
      </div>
      <div className="flex items-start gap-2">
        <input
          id={`${id}-requireMtls`}
          name="requireMtls"
          type="checkbox"
          className="mt-1 size-4"
          aria-describedby={`${id}-requireMtls-hint`}
        />
        <div>
          <label htmlFor={`${id}-requireMtls`} className="text-sm font-medium">
            Require mTLS
          </label>
          <p id={`${id}-requireMtls-hint`} className="text-sm text-slate-700">
            Refuse deliveries without Meta&apos;s client certificate. Turn on mTLS for the app in the App
            Dashboard too, and serve HTTPS (see the README).
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          <PendingLabel pending={pending} idle="Create receiver" busy="Creating…" />
        </Button>
        <div aria-live="polite" className="min-w-0 flex-1">
          {state?.ok && (
            <Alert variant="success">
              <p>
                Created. Its callback URL is{' '}
                <span className="font-mono text-xs break-all">{state.data.url}</span> —{' '}
                <Link className="underline underline-offset-2" href={`/receivers/${state.data.id}`}>
                  open the inspector
                </Link>
                .
              </p>
            </Alert>
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
