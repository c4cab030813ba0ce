'use client';

import { useActionState, useEffect, useId, useRef } from 'react';
import { createUserAction } from '@/app/(console)/users/_actions/create-user';
import { PendingLabel } from '@/components/common/pending-label';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { ROLE_OPTIONS } from '@/lib/auth/roles';
import type { ActionResult } from '@/lib/auth/safe-action';

type State = ActionResult<{ id: string; email: string }> | null;

export function CreateUserForm() {
  const [state, action, pending] = useActionState<State, FormData>(
    (_prev, form) => createUserAction(form),
    null,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  const errorProps = (name: string) => ({
    'aria-invalid': fieldError(name) ? true : undefined,
    'aria-describedby': `${id}-${name}-error`,
  });

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  return (
    <form ref={formRef} action={action} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Add a user
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-email`} className="text-sm font-medium">
            Email
          </label>
          <Input
            id={`${id}-email`}
            name="email"
            type="email"
            required
            autoComplete="off"
            {...errorProps('email')}
          />
          <FieldError id={`${id}-email-error`} message={fieldError('email')} />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-name`} className="text-sm font-medium">
            Name <span className="font-normal text-slate-700">(optional)</span>
          </label>
          <Input id={`${id}-name`} name="name" autoComplete="off" {...errorProps('name')} />
          <FieldError id={`${id}-name-error`} message={fieldError('name')} />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-role`} className="text-sm font-medium">
            Role
          </label>
          <Select id={`${id}-role`} name="role" defaultValue="viewer" {...errorProps('role')}>
            {ROLE_OPTIONS.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </Select>
          <FieldError id={`${id}-role-error`} message={fieldError('role')} />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-password`} className="text-sm font-medium">
            Initial password
          </label>
          <Input
            id={`${id}-password`}
            name="password"
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            {...errorProps('password')}
            aria-describedby={`${id}-password-hint ${id}-password-error`}
          />
          <p id={`${id}-password-hint`} className="text-xs text-slate-700">
            At least 12 characters. Pass it on to them directly.
          </p>
          <FieldError id={`${id}-password-error`} message={fieldError('password')} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          <PendingLabel pending={pending} idle="Create user" busy="Creating…" />
        </Button>
        <div aria-live="polite" className="min-w-0 flex-1">
          {state?.ok && <p className="text-sm text-emerald-800">Created {state.data.email}.</p>}
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
