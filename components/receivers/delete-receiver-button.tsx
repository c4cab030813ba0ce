'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { deleteReceiverAction } from '@/app/(console)/receivers/_actions/delete-receiver';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { Alert } from '@/components/ui/alert';

/** Deleting names the receiver and what stops working, because overrides may still point at its URL. */
export function DeleteReceiverButton({
  receiverId,
  name,
  url,
}: {
  receiverId: string;
  name: string;
  url: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <ConfirmDialog
        triggerLabel="Delete receiver"
        title={`Delete the receiver "${name}"?`}
        description={
          <>
            <p>
              <span className="font-mono text-xs break-all">{url}</span> will answer 404 at once. Any phone
              number, WABA or app callback still pointing at it stops receiving webhooks, and Meta will retry
              and then give up.
            </p>
            <p>Every delivery this receiver stored is deleted with it.</p>
          </>
        }
        confirmLabel="Delete receiver"
        pendingLabel="Deleting…"
        onConfirm={async () => {
          const result = await deleteReceiverAction({ id: receiverId });
          if (result.ok) router.push('/receivers');
          else setError(result.error);
        }}
      />
      <div aria-live="polite">
        {error && (
          <Alert variant="destructive">
            <p>{error}</p>
          </Alert>
        )}
      </div>
    </div>
  );
}
