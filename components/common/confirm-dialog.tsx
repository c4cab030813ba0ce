'use client';

import { type ReactNode, type RefObject, useRef, useState } from 'react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { useActionForm } from '@/components/ui/use-action-form';
import { PendingLabel } from './pending-label';

interface ConfirmDialogProps {
  triggerLabel: string;
  title: string;
  /** Names the target and the consequence, in words the operator can check before confirming. */
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** The write, usually a `useActionForm` `run`: the dialog stays open and busy until it resolves. */
  onConfirm: () => Promise<unknown>;
  disabled?: boolean;
  /** After confirming, focus moves here (the result) instead of back to a trigger that may have gone. */
  resultRef?: RefObject<HTMLElement | null>;
  /** Extra content under the description, e.g. a field the person must fill in to confirm. */
  children?: ReactNode;
  /** Keeps the confirm button disabled (e.g. until the target's id is typed). */
  confirmDisabled?: boolean;
  /**
   * `destructive` (clear, unsubscribe, delete) styles both buttons as such; `default` is for a write that
   * is not destructive but still has consequences worth naming first (subscribe).
   */
  tone?: 'destructive' | 'default';
}

/**
 * Confirmation for routing writes with consequences (clear, unsubscribe, subscribe). Stays open while the write runs so the
 * operator sees it is in progress; it cannot be dismissed half-way.
 */
export function ConfirmDialog({
  triggerLabel,
  title,
  description,
  confirmLabel,
  pendingLabel,
  onConfirm,
  disabled,
  resultRef,
  children,
  confirmDisabled,
  tone = 'destructive',
}: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const confirmed = useRef(false);
  // The same pending mechanism as every other write: the confirmation is an action that ends when the write does.
  const { run, pending } = useActionForm<null, void>(
    async () => {
      await onConfirm();
      return { ok: true, data: null };
    },
    { resetOnSuccess: false, after: () => setOpen(false) },
  );

  function confirm() {
    confirmed.current = true;
    void run();
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        if (next) confirmed.current = false;
        setOpen(next);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant={tone === 'destructive' ? 'destructive-outline' : 'default'} disabled={disabled}>
          {triggerLabel}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          if (confirmed.current && resultRef?.current) {
            event.preventDefault();
            resultRef.current.focus();
          }
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div className="space-y-2">{description}</div>
          </AlertDialogDescription>
        </AlertDialogHeader>
        {children}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button
            variant={tone === 'destructive' ? 'destructive' : 'default'}
            onClick={confirm}
            disabled={pending || confirmDisabled}
            aria-live="polite"
          >
            <PendingLabel pending={pending} idle={confirmLabel} busy={pendingLabel} />
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
