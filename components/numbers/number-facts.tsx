import Link from 'next/link';
import { Fragment } from 'react';
import type { NumberDetail } from '@/lib/routing/types';

/** The number's other Graph fields, for context while changing its route. */
export function NumberFacts({ number }: { number: NumberDetail }) {
  const facts: [string, string | null][] = [
    ['Verified name', number.verifiedName],
    ['Quality rating', number.qualityRating],
    ['Status', number.status],
    ['Name status', number.nameStatus],
    ['Platform', number.platformType],
    ['Throughput', number.throughputLevel],
  ];
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
      <dt className="font-medium text-slate-800">WABA</dt>
      <dd>
        <Link href={`/wabas/${number.wabaId}`} className="text-blue-800 underline underline-offset-2">
          {number.wabaName ?? number.wabaId}
        </Link>{' '}
        <span className="font-mono text-xs text-slate-700">{number.wabaId}</span>
      </dd>
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt className="font-medium text-slate-800">{term}</dt>
          <dd>{value ?? '—'}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
