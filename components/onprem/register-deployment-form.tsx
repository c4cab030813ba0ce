'use client';

import { useActionState, useEffect, useId, useRef } from 'react';
import { registerDeploymentAction } from '@/app/(console)/on-premises/_actions/register-deployment';
import { PendingLabel } from '@/components/common/pending-label';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/auth/safe-action';

type State = ActionResult<{ id: string }> | null;

const FIELDS = [
  { name: 'label', label: 'Name', type: 'text', hint: 'e.g. "EU Coreapp (Dublin DC)".' },
  {
    name: 'baseUrl',
    label: 'Base URL',
    type: 'url',
    hint: 'The Coreapp’s address, e.g. https://coreapp.internal:9090.',
  },
  { name: 'username', label: 'Admin user', type: 'text', hint: 'A Coreapp admin account.' },
  {
    name: 'password',
    label: 'Admin password',
    type: 'password',
    hint: 'Stored encrypted; never shown again.',
    // Not "off", which browsers ignore for password fields: they would fill in the console's own password.
    autoComplete: 'new-password',
  },
] as const;

/** Admin form: register a Coreapp so its webhook settings can be read and carried over. */
export function RegisterDeploymentForm() {
  const [state, action, pending] = useActionState<State, FormData>(
    (_prev, form) => registerDeploymentAction(form),
    null,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  return (
    <form ref={formRef} action={action} className="space-y-3" aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Register an On-Premises deployment
      </h2>
      <div className="grid gap-3 md:grid-cols-2">
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
              autoComplete={'autoComplete' in field ? field.autoComplete : 'off'}
              aria-invalid={fieldError(field.name) ? true : undefined}
              aria-describedby={`${id}-${field.name}-error`}
            />
            <FieldError id={`${id}-${field.name}-error`} message={fieldError(field.name) ?? field.hint} />
          </div>
        ))}
        <div className="space-y-1 md:col-span-2">
          <label htmlFor={`${id}-numbers`} className="text-sm font-medium">
            Phone number ids it served
          </label>
          <textarea
            id={`${id}-numbers`}
            name="phoneNumberIds"
            rows={2}
            className="w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
            aria-invalid={fieldError('phoneNumberIds') ? true : undefined}
            aria-describedby={`${id}-numbers-error`}
          />
          <FieldError
            id={`${id}-numbers-error`}
            message={
              fieldError('phoneNumberIds') ??
              'Graph ids, separated by spaces, commas or lines. Graph does not say which Coreapp a number used.'
            }
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          <PendingLabel pending={pending} idle="Register deployment" busy="Registering…" />
        </Button>
        <div aria-live="polite" className="min-w-0 flex-1">
          {state?.ok && (
            <Alert variant="success">Registered. Its settings are read from the Coreapp below.</Alert>
          )}
          {state && !state.ok && !state.fieldErrors && <Alert variant="destructive">{state.error}</Alert>}
        </div>
      </div>
    </form>
  );
}
