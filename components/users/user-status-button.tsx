'use client';

import { useState, useTransition } from 'react';
import { setUserDisabledAction } from '@/app/(console)/users/_actions/set-user-disabled';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { PendingLabel } from '@/components/common/pending-label';
import { Button } from '@/components/ui/button';

interface Props {
  userId: string;
  email: string;
  disabled: boolean;
  isSelf: boolean;
  lockedReason?: string;
}

/** Disable (after a confirmation naming the effect) or enable a user. */
export function UserStatusButton({ userId, email, disabled, isSelf, lockedReason }: Props) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // React's own pending state for an async action, not a hand-kept flag.
  const [pending, startTransition] = useTransition();

  async function apply(next: boolean) {
    const result = await setUserDisabledAction({ userId, disabled: next });
    setMessage(result.ok ? null : { ok: false, text: result.error });
    if (result.ok && isSelf && next) window.location.assign('/sign-in');
  }

  return (
    <div className="space-y-1">
      {disabled ? (
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          aria-label={`Enable ${email}`}
          onClick={() => startTransition(() => apply(false))}
        >
          <PendingLabel pending={pending} idle="Enable" busy="Enabling…" />
        </Button>
      ) : (
        <ConfirmDialog
          triggerLabel={`Disable ${email}`}
          title={`Disable ${email}?`}
          description={
            <p>
              {isSelf
                ? 'You will be signed out at once and cannot sign in again until another admin enables you.'
                : `${email} will be signed out at their next click and cannot sign in until enabled again. Their past changes stay in the activity log.`}
            </p>
          }
          confirmLabel="Disable"
          pendingLabel="Disabling…"
          onConfirm={() => apply(true)}
          disabled={Boolean(lockedReason)}
        />
      )}
      <p aria-live="polite" className="text-xs text-red-800">
        {message?.text}
      </p>
    </div>
  );
}
