import Link from 'next/link';
import { EmptyState } from '@/components/common/empty-state';
import { Timestamp } from '@/components/common/timestamp';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { LatestUsage, UsageFigureView } from '@/lib/graph-usage/store';

const pct = (n: number) => `${Math.round(n * 10) / 10} %`;

function Row({ figure }: { figure: UsageFigureView }) {
  const app = figure.scope === 'app';
  return (
    <TableRow data-scope={figure.scope} data-object-id={figure.objectId || undefined}>
      <TableCell>
        {app ? (
          'App (X-App-Usage)'
        ) : (
          <span className="space-x-2">
            <Link
              href={`/wabas/${encodeURIComponent(figure.objectId)}`}
              className="font-mono text-xs text-blue-800 underline underline-offset-2"
            >
              {figure.objectId}
            </Link>
            {figure.useCaseType && <span className="font-mono text-xs">{figure.useCaseType}</span>}
          </span>
        )}
      </TableCell>
      <TableCell className="text-right font-semibold tabular-nums">{pct(figure.percent)}</TableCell>
      <TableCell className="text-right tabular-nums">{pct(figure.callCount)}</TableCell>
      <TableCell className="text-right tabular-nums">{pct(figure.totalCputime)}</TableCell>
      <TableCell className="text-right tabular-nums">{pct(figure.totalTime)}</TableCell>
      <TableCell className="tabular-nums">
        {figure.regainAccessMinutes ? `${figure.regainAccessMinutes} min` : app ? '—' : 'Now'}
      </TableCell>
      <TableCell>
        <Timestamp iso={figure.receivedAt.toISOString()} className="text-xs" />
      </TableCell>
    </TableRow>
  );
}

/** The latest `X-App-Usage` and `X-Business-Use-Case-Usage` figures, as recorded by every instance. */
export function UsageFigures({ usage }: { usage: LatestUsage }) {
  const figures = [...(usage.app ? [usage.app] : []), ...usage.businessUseCases];
  if (figures.length === 0) {
    return (
      <div data-testid="usage-figures" data-empty="true">
        <EmptyState title="No Graph call with usage headers yet">
          Figures appear here after the first Graph response that carries X-App-Usage or
          X-Business-Use-Case-Usage.
        </EmptyState>
      </div>
    );
  }
  const hidden = usage.businessUseCaseCount - usage.businessUseCases.length;
  return (
    <div className="space-y-2" data-testid="usage-figures" data-empty="false">
      <p className="text-sm text-slate-800">
        Highest figure: <strong>{pct(usage.maxPercent ?? 0)}</strong> of a budget
        {usage.latestAt && (
          <>
            {' '}
            · latest report <Timestamp iso={usage.latestAt.toISOString()} />
          </>
        )}
        . Graph slows or refuses calls at 100 %; the audit slows down from 80 %.
      </p>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Scope</TableHead>
            <TableHead className="text-right">Highest</TableHead>
            <TableHead className="text-right">Calls</TableHead>
            <TableHead className="text-right">CPU time</TableHead>
            <TableHead className="text-right">Total time</TableHead>
            <TableHead>Access back in</TableHead>
            <TableHead>Reported</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {figures.map((figure) => (
            <Row key={`${figure.scope}:${figure.objectId}:${figure.useCaseType}`} figure={figure} />
          ))}
        </TableBody>
      </Table>
      {hidden > 0 && (
        <p className="text-xs text-slate-700">
          {hidden} less loaded business use case{hidden === 1 ? '' : 's'} not shown.
        </p>
      )}
    </div>
  );
}
