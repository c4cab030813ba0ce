import type { Metadata } from 'next';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeader } from '@/components/common/page-header';
import { DeploymentCard } from '@/components/onprem/deployment-card';
import { RegisterDeploymentForm } from '@/components/onprem/register-deployment-form';
import { SunsetBanner } from '@/components/onprem/sunset-banner';
import { Card, CardContent } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { readBridge } from '@/lib/onprem/bridge';
import { listDeployments } from '@/lib/onprem/deployments';
import { readDeploymentSettings } from '@/lib/onprem/settings';
import { getOnpremContext } from '@/lib/server';

export const metadata: Metadata = { title: 'On-Premises' };

export default async function OnPremisesPage() {
  const user = await requireUser();
  if (!can(user.role, 'onprem.read')) {
    return <Forbidden what="The On-Premises page" role={user.role} needed="operator" />;
  }
  const ctx = await getOnpremContext();
  const deployments = await listDeployments(ctx);
  // Live reads: the Coreapp and Graph are the truth, nothing here is cached.
  const views = await Promise.all(
    deployments.map(async (deployment) => ({
      deployment,
      settings: await readDeploymentSettings(ctx, deployment.id),
      bridge: await readBridge(ctx, deployment.id),
    })),
  );
  const canManage = can(user.role, 'onprem.manage');
  return (
    <>
      <PageHeader
        title="On-Premises"
        description="Legacy Coreapps and the webhook URL each used, so their numbers keep receiving webhooks on the Cloud API."
      />
      <div className="space-y-6">
        <SunsetBanner />
        {canManage && (
          <Card>
            <CardContent className="pt-4">
              <RegisterDeploymentForm />
            </CardContent>
          </Card>
        )}
        {views.length === 0 && (
          <p className="text-sm text-slate-600">No On-Premises deployment is registered.</p>
        )}
        {views.map((view) => (
          <DeploymentCard
            key={view.deployment.id}
            {...view}
            canManage={canManage}
            canCarry={can(user.role, 'override.write')}
          />
        ))}
      </div>
    </>
  );
}
