import Link from 'next/link';
import { Timestamp } from '@/components/common/timestamp';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { driftSummary, type DriftSummary as Summary } from '@/lib/audit';
import { can } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { getAuditEnv } from '@/lib/server';
import { plural } from './format';

/**
 * The latest audit's drift, when it found any and the person may read it; null otherwise. Read by the
 * overview's page, so the "Nothing needs attention" verdict and this alert never disagree.
 */
export async function readDrift(): Promise<Summary | null> {
  const user = await getCurrentUser();
  if (!can(user?.role, 'data.read')) return null;
  const summary = await driftSummary((await getAuditEnv()).db);
  return summary?.scan.driftCount ? summary : null;
}

/** For the overview: numbers whose route changed outside Switchboard in the latest audit, with a link to them. */
export function DriftSummary({ summary }: { summary: Summary }) {
  const { scan, sample } = summary;
  return (
    <Alert variant="warning" data-testid="drift-summary">
      <AlertTitle>{plural(scan.driftCount ?? 0, 'number')} changed outside Switchboard</AlertTitle>
      <p>
        The audit of <Timestamp iso={scan.finishedAt ?? scan.startedAt} /> found routes that differ from the
        previous scan with no change made in Switchboard to explain them.
      </p>
      <ul className="list-disc pl-5">
        {sample.map((row) => (
          <li key={row.phoneNumberId}>
            <Link href={`/numbers/${row.phoneNumberId}`} className="underline underline-offset-2">
              {row.displayPhoneNumber ?? row.phoneNumberId}
            </Link>
            : {row.previous?.effectiveUrl ?? 'no delivery'} → {row.effectiveUrl ?? 'no delivery'}
          </li>
        ))}
      </ul>
      <Link href="/audit?drift=1" className="font-medium underline underline-offset-2">
        Review them in the audit
      </Link>
    </Alert>
  );
}
