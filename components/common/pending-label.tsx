import { LoaderCircle } from 'lucide-react';

/** Button content while a request runs: a spinner plus words, so the state is not conveyed by motion alone. */
export function PendingLabel({ pending, idle, busy }: { pending: boolean; idle: string; busy: string }) {
  if (!pending) return <>{idle}</>;
  return (
    <>
      <LoaderCircle aria-hidden="true" className="animate-spin" />
      {busy}
    </>
  );
}
