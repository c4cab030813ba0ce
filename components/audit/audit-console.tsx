'use client';

import { Download } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonVariants } from '@/components/ui/button';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import type { AuditScanView } from '@/lib/audit/types';
import type { ActionResult } from '@/lib/auth/safe-action';
import { exportHref } from './audit-api';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import type { BulkAppChoice, BulkServerActions } from './bulk-actions';
import { BulkRerouteDialog } from './bulk-reroute-dialog';
import { plural } from './format';
import { ScanPanel } from './scan-panel';
import type { ScanState } from './scan-state-api';
import { UrlGroups } from './url-groups';
import { useAuditUrl } from './use-audit-url';
import { useRowCount } from './use-row-blocks';
import { useScanState } from './use-scan-state';

export interface AuditConsoleProps {
  initial: ScanState;
  permissions: { export: boolean; reroute: boolean; scan: boolean };
  allowLoopback: boolean;
  /** The configured apps a bulk re-route can change (one per job), the default first. */
  bulkApps: BulkAppChoice[];
  actions: BulkServerActions & {
    startAuditScan: (
      input: Record<string, never>,
    ) => Promise<ActionResult<{ scan: AuditScanView; created: boolean }>>;
  };
}

function DriftNotice({ scan, onShow }: { scan: AuditScanView; onShow: () => void }) {
  if (!scan.driftCount) return null;
  return (
    <Alert variant="warning" data-testid="drift-notice">
      <p>
        <strong>{plural(scan.driftCount, 'number')}</strong> changed outside Switchboard since the previous
        scan: their route differs and no change made here explains it.
      </p>
      <Button variant="outline" size="sm" onClick={onShow}>
        Show them
      </Button>
    </Alert>
  );
}

const INTERRUPTED_START =
  'The request to start the scan was interrupted before the server answered, and no scan is running. Try again.';

/** The /audit page's interactive part: scan status and refresh, filters, the table or the URL groups, CSV, bulk. */
export function AuditConsole({ initial, permissions, allowLoopback, bulkApps, actions }: AuditConsoleProps) {
  const scanState = useScanState(initial);
  const { filter, view, setFilter, setView, showUrl } = useAuditUrl();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const current = scanState.data.current;
  // A bulk job changes one app's routes (the filter's app, else the default, preselected in its form), so the
  // count on its button is of numbers, one row each: that app's rows of the scan.
  const bulkFilter = { ...filter, app: filter.app ?? current?.appId };
  const bulkAllowed = permissions.reroute;
  const matching = useRowCount(current?.id ?? '', bulkFilter);

  async function refresh() {
    setStarting(true);
    setStartError(null);
    try {
      const result = await actions.startAuditScan({});
      if (!result.ok) setStartError(result.error);
    } catch {
      // The request failed in the browser (the connection dropped, or the router dropped the response): the
      // scan may or may not have started, so say so unless the state read next shows it running.
      setStartError(INTERRUPTED_START);
    }
    try {
      const { data } = await scanState.refetch();
      if (data?.latest?.status === 'running') setStartError((e) => (e === INTERRUPTED_START ? null : e));
    } finally {
      setStarting(false);
    }
  }

  return (
    <div className="space-y-4">
      <ScanPanel
        state={scanState.data}
        onRefresh={permissions.scan ? refresh : null}
        starting={starting}
        startError={startError}
      />
      {current && (
        <>
          <DriftNotice scan={current} onShow={() => setFilter({ ...filter, drift: '1' })} />
          <AuditFilters filter={filter} onChange={setFilter} apps={current.apps} />
          <Tabs value={view} onValueChange={(value) => setView(value === 'urls' ? 'urls' : 'table')}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <TabsList aria-label="Audit view">
                <TabsTrigger value="table">Numbers</TabsTrigger>
                <TabsTrigger value="urls">Group by URL</TabsTrigger>
              </TabsList>
              <div className="flex flex-wrap items-center gap-2">
                {bulkAllowed && matching > 0 && (
                  <BulkRerouteDialog
                    scanId={current.id}
                    filter={bulkFilter}
                    allowLoopback={allowLoopback}
                    apps={bulkApps}
                    actions={actions}
                    triggerLabel={`Re-route ${plural(matching, 'number')}…`}
                  />
                )}
                {permissions.export && (
                  <a
                    href={exportHref(current.id, filter)}
                    className={buttonVariants({ variant: 'outline', size: 'sm' })}
                    download
                  >
                    <Download aria-hidden="true" />
                    Export CSV
                  </a>
                )}
              </div>
            </div>
            <TabsContent value="urls">
              <UrlGroups
                scanId={current.id}
                filter={filter}
                onShow={showUrl}
                renderReroute={
                  bulkAllowed
                    ? (group) =>
                        group.url === null ? null : (
                          <BulkRerouteDialog
                            scanId={current.id}
                            filter={{ ...bulkFilter, url: group.url }}
                            allowLoopback={allowLoopback}
                            apps={bulkApps}
                            actions={actions}
                            triggerLabel="Re-route…"
                          />
                        )
                    : undefined
                }
              />
            </TabsContent>
            <TabsContent value="table">
              <AuditTable
                scanId={current.id}
                filter={filter}
                onSort={(sort, dir) => setFilter({ ...filter, sort, dir })}
                appsShown={filter.app ? 1 : current.apps.length}
              />
            </TabsContent>
          </Tabs>
        </>
      )}
    </div>
  );
}
