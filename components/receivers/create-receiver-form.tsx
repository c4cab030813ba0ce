'use client';

import Link from 'next/link';
import { useId } from 'react';
import { createReceiverAction } from '@/app/(console)/receivers/_actions/create-receiver';
import { PendingLabel } from '@/components/common/pending-label';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { ResultRegion } from '@/components/ui/result-region';
import { useActionForm } from '@/components/ui/use-action-form';

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
  const { state, formAction, pending, formRef, fieldError } = useActionForm(createReceiverAction);
  const id = useId();

  return (
    <form ref={formRef} action={formAction} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Add a receiver
      </h2>
      <div className="grid gap-3 md:grid-cols-3">
        {FIELDS.map((field) => (
          <FormField
            key={field.name}
            id={`${id}-${field.name}`}
            label={field.label}
            hint={field.hint}
            error={fieldError(field.name)}
          >
            {(control) => (
              <Input {...control} name={field.name} type={field.type} required autoComplete="off" />
            )}
          </FormField>
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
        <ResultRegion
          state={state}
          success={(data) => (
            <Alert variant="success">
              <p>
                Created. Its callback URL is <span className="font-mono text-xs break-all">{data.url}</span> —{' '}
                <Link className="underline underline-offset-2" href={`/receivers/${data.id}`}>
                  open the inspector
                </Link>
                .
              </p>
            </Alert>
          )}
        />
      </div>
    </form>
  );
}
