'use client';

import { useRouter } from 'next/navigation';
import { deleteReceiverAction } from '@/app/(console)/receivers/_actions/delete-receiver';
import { ConfirmDialog } from '@/components/common/confirm-dialog';
import { ResultRegion } from '@/components/ui/result-region';
import { useActionForm } from '@/components/ui/use-action-form';

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
  const remove = useActionForm(deleteReceiverAction, {
    resetOnSuccess: false,
    after: (result) => result.ok && router.push('/receivers'),
  });
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
        onConfirm={() => remove.run({ id: receiverId })}
      />
      <ResultRegion state={remove.state} success={() => null} />
    </div>
  );
}
