'use client';

import type { ReactNode, RefObject } from 'react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { PendingLabel } from './pending-label';

export interface ConfirmDialogContentProps {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  tone: 'destructive' | 'default';
  children?: ReactNode;
  confirmDisabled?: boolean;
  pending: boolean;
  onConfirm: () => void;
  /** Closing (Cancel, Escape); refused by the caller while the write runs. */
  onClose: () => void;
  /** Where focus goes when the dialog closes: the result after a confirmation, else the trigger. */
  returnFocusTo: () => RefObject<HTMLElement | null> | undefined;
}

/**
 * The open dialog of `ConfirmDialog` (Radix AlertDialog: focus trap, Escape, inert page), in its own chunk:
 * it is loaded when a trigger is pointed at, focused or pressed, not with every page that has a trigger.
 */
export default function ConfirmDialogContent(props: ConfirmDialogContentProps) {
  const { tone, pending } = props;
  return (
    <AlertDialog open={props.open} onOpenChange={(next) => !next && props.onClose()}>
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          const target = props.returnFocusTo()?.current;
          if (target) {
            event.preventDefault();
            target.focus();
          }
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>{props.title}</AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div className="space-y-2">{props.description}</div>
          </AlertDialogDescription>
        </AlertDialogHeader>
        {props.children}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button
            variant={tone === 'destructive' ? 'destructive' : 'default'}
            onClick={props.onConfirm}
            disabled={pending || props.confirmDisabled}
            aria-live="polite"
          >
            <PendingLabel pending={pending} idle={props.confirmLabel} busy={props.pendingLabel} />
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
