/**
 * Renders an ISO time in UTC with a fixed format, so the server and the browser render the same text (no
 * hydration mismatch) and support staff in different time zones quote the same time.
 */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function Timestamp({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} className={className}>
      {formatUtc(iso)}
    </time>
  );
}
