'use client';

import { useId } from 'react';
import { createUserAction } from '@/app/(console)/users/_actions/create-user';
import { PendingLabel } from '@/components/common/pending-label';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { ResultRegion } from '@/components/ui/result-region';
import { Select } from '@/components/ui/select';
import { useActionForm } from '@/components/ui/use-action-form';
import { ROLE_OPTIONS } from '@/lib/auth/roles';

export function CreateUserForm() {
  const { state, formAction, pending, formRef, fieldError } = useActionForm(createUserAction);
  const id = useId();

  return (
    <form ref={formRef} action={formAction} className="space-y-3" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Add a user
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id={`${id}-email`} label="Email" error={fieldError('email')}>
          {(control) => <Input {...control} name="email" type="email" required autoComplete="off" />}
        </FormField>
        <FormField
          id={`${id}-name`}
          label={
            <>
              Name <span className="font-normal text-slate-700">(optional)</span>
            </>
          }
          error={fieldError('name')}
        >
          {(control) => <Input {...control} name="name" autoComplete="off" />}
        </FormField>
        <FormField id={`${id}-role`} label="Role" error={fieldError('role')}>
          {(control) => (
            <Select {...control} name="role" defaultValue="viewer">
              {ROLE_OPTIONS.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField
          id={`${id}-password`}
          label="Initial password"
          hint="At least 12 characters. Pass it on to them directly."
          error={fieldError('password')}
        >
          {(control) => (
            <Input
              {...control}
              name="password"
              type="password"
              required
              minLength={12}
              autoComplete="new-password"
            />
          )}
        </FormField>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          <PendingLabel pending={pending} idle="Create user" busy="Creating…" />
        </Button>
        <ResultRegion
          state={state}
          success={(data) => <p className="text-sm text-emerald-800">Created {data.email}.</p>}
        />
      </div>
    </form>
  );
}
