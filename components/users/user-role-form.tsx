'use client';

import { changeUserRoleAction } from '@/app/(console)/users/_actions/change-user-role';
import { PendingLabel } from '@/components/common/pending-label';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { useActionForm } from '@/components/ui/use-action-form';
import { ROLE_OPTIONS } from '@/lib/auth/roles';
import type { Role } from '@/lib/db/schema';

/** Role menu + Save for one user. `lockedReason` explains why it cannot change (the last active admin). */
export function UserRoleForm({
  userId,
  email,
  role,
  lockedReason,
}: {
  userId: string;
  email: string;
  role: Role;
  lockedReason?: string;
}) {
  // Not reset on success: the menu shows the role just saved.
  const { state, formAction, pending } = useActionForm(changeUserRoleAction, { resetOnSuccess: false });
  const selectId = `role-${userId}`;
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role for {email}
        </label>
        <Select
          id={selectId}
          name="role"
          defaultValue={role}
          disabled={Boolean(lockedReason) || pending}
          compact
          fieldWidth="auto"
        >
          {ROLE_OPTIONS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
        <Button
          type="submit"
          size="sm"
          variant="outline"
          disabled={Boolean(lockedReason) || pending}
          aria-label={`Save role for ${email}`}
        >
          <PendingLabel pending={pending} idle="Save" busy="Saving…" />
        </Button>
      </div>
      <p aria-live="polite" className="text-xs">
        {lockedReason && <span className="text-slate-700">{lockedReason}</span>}
        {state?.ok && <span className="text-emerald-800">Now {state.data.role}.</span>}
        {state && !state.ok && <span className="text-red-800">{state.error}</span>}
      </p>
    </form>
  );
}
