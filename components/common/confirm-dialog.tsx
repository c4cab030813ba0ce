'use client';

import { lazy, type ReactNode, type RefObject, Suspense, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useActionForm } from '@/components/ui/use-action-form';

const loadContent = () => import('./confirm-dialog-content');
const ConfirmDialogContent = lazy(loadContent);
/** Fetches the dialog's chunk ahead of the click (pointer over or focus on a trigger). */
const preload = () => void loadContent();

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

  const trigger = useRef<HTMLButtonElement>(null);
  // Mounted from the first opening on, then opened and closed by Radix as before.
  const [mounted, setMounted] = useState(false);

  function confirm() {
    confirmed.current = true;
    void run();
  }

  return (
    <>
      <Button
        ref={trigger}
        variant={tone === 'destructive' ? 'destructive-outline' : 'default'}
        disabled={disabled}
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => {
          confirmed.current = false;
          setMounted(true);
          setOpen(true);
        }}
      >
        {triggerLabel}
      </Button>
      {mounted && (
        <Suspense fallback={null}>
          <ConfirmDialogContent
            open={open}
            title={title}
            description={description}
            confirmLabel={confirmLabel}
            pendingLabel={pendingLabel}
            tone={tone}
            confirmDisabled={confirmDisabled}
            pending={pending}
            onConfirm={confirm}
            onClose={() => {
              if (!pending) setOpen(false);
            }}
            returnFocusTo={() => (confirmed.current && resultRef?.current ? resultRef : trigger)}
          >
            {children}
          </ConfirmDialogContent>
        </Suspense>
      )}
    </>
  );
}
