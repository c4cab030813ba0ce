import { WINNER_LABELS } from '@/components/routing/tier-badge';
import type { AuditRow } from '@/lib/audit/types';

function Line({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2">
      <dt className="text-slate-700">{label}</dt>
      <dd className="font-mono text-xs break-all text-slate-900">{value ?? '—'}</dd>
    </div>
  );
}

/**
 * A number's route in full, under its row: every tier's URL unshortened, so a long URL cut in the table can be
 * read (and copied) without leaving the audit. It stays at the left edge when the table scrolls sideways.
 */
export function AuditRowDetail({ row }: { row: AuditRow }) {
  return (
    <div className="sticky left-0 w-[min(60rem,calc(100vw-4rem))] space-y-1 px-4 py-2 text-sm">
      <p className="flex items-center gap-2 text-slate-900">
        <span className="font-medium">{row.displayPhoneNumber ?? row.phoneNumberId}</span>
        {row.appLabel && <span className="text-slate-700">as {row.appLabel}</span>}
        <span aria-hidden="true">→</span>
        <span>{row.winner === null ? 'No delivery' : `${WINNER_LABELS[row.winner]} wins`}</span>
      </p>
      <dl className="space-y-0.5">
        <Line label="Effective URL" value={row.effectiveUrl} />
        <Line label="Phone override" value={row.phoneTier} />
        <Line label="WABA override" value={row.wabaTier} />
        <Line label="App callback" value={row.appTier} />
      </dl>
    </div>
  );
}
