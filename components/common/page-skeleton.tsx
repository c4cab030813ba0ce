import { Skeleton } from '@/components/ui/skeleton';

/** Loading state for console pages: the page's shape, and words for screen readers. */
export function PageSkeleton({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">{label}</span>
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-4 w-96" />
      <div className="space-y-2">
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    </div>
  );
}
