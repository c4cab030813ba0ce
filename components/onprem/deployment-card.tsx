import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { BridgeView } from '@/lib/onprem/bridge';
import type { DeploymentSummary } from '@/lib/onprem/deployments';
import type { SettingsRead } from '@/lib/onprem/settings';
import { BridgeTable } from './bridge-table';
import { CarryOverControl } from './carry-over-control';
import { ReadFailureNote } from './read-failure-note';
import { SettingsFacts } from './settings-facts';
import { DeploymentSettingsForm } from './settings-form';

/** One registered Coreapp: its live settings (and, for admins, the form), then its numbers on the Cloud API. */
export function DeploymentCard({
  deployment,
  settings,
  bridge,
  canManage,
  canCarry,
}: {
  deployment: DeploymentSummary;
  settings: SettingsRead;
  bridge: BridgeView;
  canManage: boolean;
  canCarry: boolean;
}) {
  const ready = bridge.ok ? bridge.numbers.filter((n) => n.status === 'ready').length : 0;
  return (
    <Card aria-labelledby={`dep-${deployment.id}`} data-testid="onprem-deployment">
      <CardHeader>
        <CardTitle id={`dep-${deployment.id}`}>{deployment.label}</CardTitle>
        <CardDescription>
          <span className="font-mono text-xs break-all">{deployment.baseUrl}</span> · admin user{' '}
          <span className="font-mono text-xs">{deployment.username}</span>
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <section aria-label="Webhook settings" className="space-y-3">
          <h3 className="text-sm font-semibold">Webhook settings (read from the Coreapp)</h3>
          {settings.ok ? (
            <>
              <SettingsFacts settings={settings.settings} testId="onprem-settings" />
              {canManage && (
                <DeploymentSettingsForm
                  deploymentId={deployment.id}
                  label={deployment.label}
                  loaded={settings.settings}
                />
              )}
            </>
          ) : (
            <ReadFailureNote message={settings.message} />
          )}
        </section>
        <section aria-label="Migration to the Cloud API" className="space-y-3">
          <h3 className="text-sm font-semibold">Its numbers on the Cloud API</h3>
          {!bridge.ok ? (
            <ReadFailureNote message={bridge.message} />
          ) : bridge.numbers.length === 0 ? (
            <p className="text-sm text-slate-600">No phone numbers were registered for this deployment.</p>
          ) : (
            <>
              <BridgeTable
                deploymentId={deployment.id}
                label={deployment.label}
                webhookUrl={bridge.webhookUrl}
                numbers={bridge.numbers}
                canCarry={canCarry}
              />
              {canManage && ready > 0 && bridge.webhookUrl !== '' && (
                <CarryOverControl
                  deploymentId={deployment.id}
                  label={deployment.label}
                  webhookUrl={bridge.webhookUrl}
                  target={{ kind: 'all', count: ready }}
                />
              )}
            </>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
