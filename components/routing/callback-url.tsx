import { cn } from '@/components/ui/cn';

/** A callback URL in full (never truncated: the difference between two URLs is often at the end). */
interface CallbackUrlProps {
  url: string | null | undefined;
  /** What to say when there is no URL; "Not set" in tables, "no override" inside sentences. */
  empty?: string;
  className?: string;
}

export function CallbackUrl({ url, empty = 'Not set', className }: CallbackUrlProps) {
  if (!url) return <span className={cn('text-slate-700 italic', className)}>{empty}</span>;
  return <span className={cn('font-mono text-xs break-all', className)}>{url}</span>;
}
