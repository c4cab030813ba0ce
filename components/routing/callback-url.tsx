import { cn } from '#cn';

interface CallbackUrlProps {
  url: string | null | undefined;
  /** What to say when there is no URL; "Not set" in tables, "no override" inside sentences. */
  empty?: string;
  className?: string;
  /**
   * For table cells: one line cut with an ellipsis instead of breaking mid-word; the full value shows on
   * hover (title) and when the URL is focused (it is in the tab order and unwraps in place).
   */
  truncate?: boolean;
}

/** A callback URL; in full unless `truncate` (the difference between two URLs is often at the end). */
export function CallbackUrl({ url, empty = 'Not set', className, truncate }: CallbackUrlProps) {
  if (!url) return <span className={cn('text-slate-700 italic', className)}>{empty}</span>;
  if (truncate) {
    return (
      <span
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focus is how a keyboard user reads the cut-off part
        tabIndex={0}
        title={url}
        data-testid="truncated-url"
        className={cn(
          'block max-w-48 truncate font-mono text-xs focus:overflow-visible focus:whitespace-normal focus:break-all focus:outline-2 focus:outline-blue-600',
          className,
        )}
      >
        {url}
      </span>
    );
  }
  return <span className={cn('font-mono text-xs break-all', className)}>{url}</span>;
}
