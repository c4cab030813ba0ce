import Link from 'next/link';
import { WINNER_LABELS } from '@/components/routing/tier-badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { TIERS } from '@/lib/graph/schemas';
import type { Overview, Tier } from '@/lib/routing/types';

const ORDER: (Tier | 'none')[] = [...TIERS, 'none'];

function label(key: Tier | 'none'): string {
  return key === 'none' ? 'No delivery' : WINNER_LABELS[key];
}

function Stat({ term, value, testId, href }: { term: string; value: number; testId: string; href?: string }) {
  return (
    <div className="relative rounded-md border border-slate-200 bg-white p-4 focus-within:ring-2 focus-within:ring-blue-600 hover:border-blue-400">
      <dt className="text-sm text-slate-700">
        {href ? (
          // The whole card is the link's target area (after:inset-0); the text stays the accessible name.
          <Link
            href={href}
            className="text-blue-800 underline underline-offset-2 after:absolute after:inset-0 focus:outline-none"
          >
            {term}
          </Link>
        ) : (
          term
        )}
      </dt>
      <dd className="text-2xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** The audit filtered to the numbers a tier count is made of ("none": the numbers that receive nothing). */
export function auditHrefForWinner(key: Tier | 'none'): string {
  return `/audit?winner=${key}`;
}

/** The fleet in numbers: how many WABAs and numbers, and which tier delivers each number's messages. */
export function RouteCounts({ overview }: { overview: Overview }) {
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_2fr]">
      <Card aria-labelledby="fleet-size">
        <CardHeader>
          <CardTitle id="fleet-size">Fleet</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-3">
            <Stat term="WABAs" value={overview.wabaCount} testId="count-wabas" />
            <Stat term="Phone numbers" value={overview.numberCount} testId="count-numbers" />
          </dl>
        </CardContent>
      </Card>
      <Card aria-labelledby="by-winner">
        <CardHeader>
          <CardTitle id="by-winner">Numbers by winning tier</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
            {ORDER.map((key) => (
              <Stat
                key={key}
                term={label(key)}
                value={overview.byWinner[key]}
                testId={`count-${key}`}
                href={auditHrefForWinner(key)}
              />
            ))}
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
