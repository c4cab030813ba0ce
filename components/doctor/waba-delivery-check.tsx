'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { type ActingApp, ActingAppProvider, useActingApp } from '@/components/apps/acting-app';
import { QueryProvider } from '@/components/common/query-provider';
import { Timestamp } from '@/components/common/timestamp';
import type { WriteAction } from '@/components/overrides/types';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { CHECK_LABELS } from '@/lib/doctor/verdict';
import { wabaDiagnosisOptions } from '@/lib/query/numbers';
import type { WabaSummary } from '@/lib/routing/types';
import { VerdictBadge } from './check-status';
import { CheckedAppLine } from './checked-app';
import { WABA_CHECK_DESCRIPTION } from './checking';
import { CheckRow } from './delivery-check-panel';
import { DoctorSection } from './doctor-section';

interface WabaDeliveryCheckProps {
  wabaId: string;
  wabaLabel: string;
  subscribeApp?: WriteAction<{ wabaId: string }, WabaSummary>;
  canManageSettings: boolean;
}

/** The WABA's shared delivery conditions, and each number's verdict with its first problem, as the acting app. */
export function WabaDeliveryCheck({
  actingApp,
  ...props
}: WabaDeliveryCheckProps & { actingApp?: ActingApp }) {
  const panel = (
    <QueryProvider>
      <WabaChecks {...props} />
    </QueryProvider>
  );
  return actingApp ? <ActingAppProvider app={actingApp}>{panel}</ActingAppProvider> : panel;
}

function WabaChecks(props: WabaDeliveryCheckProps) {
  const { appId } = useActingApp();
  const query = useQuery(wabaDiagnosisOptions(props.wabaId, appId));
  return (
    <DoctorSection id="waba-delivery-check" description={WABA_CHECK_DESCRIPTION} query={query}>
      {(data) => {
        const failing = data.numbers.filter((n) => n.verdict === 'does_not_deliver').length;
        return (
          <>
            <CheckedAppLine app={data.app} />
            <p className="text-sm text-slate-800">
              {failing === 0
                ? 'Every number of this WABA can receive messages.'
                : `${failing} of ${data.numbers.length} numbers cannot receive messages.`}{' '}
              <span className="text-slate-600">
                Checked <Timestamp iso={data.checkedAt} />.
              </span>
            </p>
            <ul aria-label="Shared conditions">
              {data.shared.map((check) => (
                <CheckRow key={check.id} check={check} phoneNumberId="" {...props} />
              ))}
            </ul>
            <div className="relative overflow-x-auto">
              <Table aria-label="Delivery verdict per number">
                <TableHeader>
                  <TableRow>
                    <TableHead>Number</TableHead>
                    <TableHead>Verdict</TableHead>
                    <TableHead>First problem</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.numbers.map((n) => (
                    <TableRow key={n.phoneNumberId} data-number={n.phoneNumberId}>
                      <TableCell>
                        <Link
                          href={`/numbers/${n.phoneNumberId}#delivery-check`}
                          className="text-blue-800 underline underline-offset-2"
                        >
                          {n.displayPhoneNumber ?? n.phoneNumberId}
                        </Link>
                      </TableCell>
                      <TableCell>
                        <VerdictBadge verdict={n.verdict} />
                      </TableCell>
                      <TableCell className="whitespace-normal">
                        {n.firstProblem ? (
                          <>
                            <strong>{CHECK_LABELS[n.firstProblem]}</strong>: {n.problem}
                          </>
                        ) : (
                          '—'
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </>
        );
      }}
    </DoctorSection>
  );
}
