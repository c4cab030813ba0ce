'use client';

import { RefreshCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { buttonVariants } from '@/components/ui/button-variants';
import { PendingLabel } from './pending-label';

/** Re-renders the page on the server (a new Graph read) without losing client state. */
export function RetryButton({ label = 'Try again' }: { label?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    // A plain <button> with Button's styles: read failures show on otherwise server-only pages (the overview).
    <button
      type="button"
      className={buttonVariants({ variant: 'outline' })}
      disabled={pending}
      onClick={() => startTransition(() => router.refresh())}
    >
      {!pending && <RefreshCw aria-hidden="true" />}
      <PendingLabel pending={pending} idle={label} busy="Reading from Graph…" />
    </button>
  );
}
