import type { ChangeLogRow } from '@/lib/db/schema';

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/**
 * What a change was about: the message and Graph's error code and trace id up front (support quotes them to
 * Meta), the recorded states — before, requested, read back after — behind a disclosure.
 */
export function ChangeDetails({ row }: { row: ChangeLogRow }) {
  const states = (
    [
      ['Before', row.before],
      ['Requested', row.requested],
      ['After (read back)', row.after],
    ] as const
  ).filter(([, value]) => value !== null && value !== undefined);
  return (
    <div className="space-y-1 text-xs">
      {row.message && <p className="text-slate-900">{row.message}</p>}
      {(row.errorCode !== null || row.fbtraceId) && (
        <p className="font-mono text-slate-800">
          {row.errorCode !== null && <>code {row.errorCode}</>}
          {row.errorCode !== null && row.fbtraceId && ' · '}
          {row.fbtraceId && <>fbtrace_id {row.fbtraceId}</>}
        </p>
      )}
      {states.length > 0 && (
        <details>
          <summary className="cursor-pointer text-blue-800">Raw record</summary>
          <dl className="mt-1 space-y-1">
            {states.map(([label, value]) => (
              <div key={label}>
                <dt className="font-medium text-slate-800">{label}</dt>
                <dd>
                  <pre className="max-w-md overflow-x-auto rounded bg-slate-100 p-2 whitespace-pre-wrap break-words">
                    {show(value)}
                  </pre>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}
