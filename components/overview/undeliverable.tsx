import Link from 'next/link';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { auditFilterQuery } from '@/lib/audit/filter';
import type { FleetOverview } from '@/lib/audit/types';
import type { CheckId } from '@/lib/doctor/types';
import { CHECK_LABELS } from '@/lib/doctor/verdict';

const linkClass = 'text-blue-800 underline underline-offset-2 hover:text-blue-950';

/**
 * The audit filtered to the numbers whose first failing check is `check`, as `appId` (the overview's figures
 * are the default app's; the audit shows every app's rows unless told).
 */
export function auditHrefForProblem(check: CheckId, appId?: string): string {
  return `/audit?${auditFilterQuery({ verdict: 'does_not_deliver', problem: check, app: appId })}`;
}

/** "N numbers cannot receive messages", by the first check that failed, each group opening those numbers. */
export function Undeliverable({ undeliverable }: { undeliverable: FleetOverview['undeliverable'] }) {
  if (!undeliverable || undeliverable.total === 0) return null;
  const { total, groups } = undeliverable;
  return (
    <Alert variant="destructive" data-testid="warning-undeliverable">
      <AlertTitle>
        <span data-testid="undeliverable-count">{total}</span> number{total === 1 ? '' : 's'} cannot receive
        messages
      </AlertTitle>
      <AlertDescription>
        <p>Grouped by the first check that fails, in the order Meta depends on them:</p>
        <ul className="list-disc pl-5">
          {groups.map((group) => (
            <li key={group.check} data-testid="undeliverable-group" data-check={group.check}>
              <Link href={auditHrefForProblem(group.check, undeliverable.appId)} className={linkClass}>
                {CHECK_LABELS[group.check]}
              </Link>
              : {group.count} number{group.count === 1 ? '' : 's'}
            </li>
          ))}
        </ul>
        <p className="text-xs">Checked when the snapshot was taken; a number’s page re-checks it live.</p>
      </AlertDescription>
    </Alert>
  );
}
