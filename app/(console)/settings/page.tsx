import type { Metadata } from 'next';
import { PageHeader } from '@/components/common/page-header';
import { RetryButton } from '@/components/common/retry-button';
import { Section } from '@/components/common/section';
import { AppTierSection } from '@/components/settings/app-tier-section';
import { ConnectionFacts } from '@/components/settings/connection-facts';
import { MetaAppsPanel } from '@/components/settings/meta-apps-panel';
import { MtlsSection } from '@/components/settings/mtls-section';
import { TokenCheckResult } from '@/components/settings/token-check';
import { UsageFigures } from '@/components/settings/usage-figures';
import { appSummary } from '@/lib/apps/types';
import { requirePageAccess } from '@/lib/auth/page-access';
import { getConfig } from '@/lib/config';
import { latestUsage } from '@/lib/graph-usage';
import { receiverMtlsStatus } from '@/lib/receivers/mtls-status';
import { getAppTier } from '@/lib/routing/app-subscription';
import { getAppRegistry, getAppTierContext, getUsageRecorder } from '@/lib/server';
import { checkAccessToken, connectionView } from '@/lib/settings/connection';
import { testCallbackAction } from '../_actions/test-callback';
import { deleteAppSubscriptionAction } from './_actions/delete-app-subscription';
import { setAppSubscriptionAction } from './_actions/set-app-subscription';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  // A real 403 (app/(console)/forbidden.tsx) rather than a refusal rendered with status 200.
  await requirePageAccess('/settings');
  const config = getConfig();
  const ctx = await getAppTierContext();
  const [token, appTier, mtls] = await Promise.all([
    checkAccessToken({
      graph: ctx.graph,
      accessToken: config.GRAPH_ACCESS_TOKEN,
      appAccessToken: ctx.appAccessToken,
      appId: ctx.appId,
    }),
    getAppTier(ctx),
    receiverMtlsStatus(ctx.db),
  ]);
  // This page's own Graph calls carried usage headers too: let this instance's writes land before reading.
  await getUsageRecorder().settled();
  const usage = await latestUsage(ctx.db, ctx.appId);
  const apps = (await getAppRegistry()).apps.map(appSummary);

  return (
    <>
      <PageHeader
        title="Settings"
        description="The Graph connection Switchboard uses, its token, rate-limit usage, and the application tier."
        actions={<RetryButton label="Check again" />}
      />
      <div className="space-y-6">
        <Section
          id="settings-connection"
          title="Connection"
          description="From the environment; secrets are never shown."
        >
          <ConnectionFacts connection={connectionView(config)} />
        </Section>
        <Section
          id="settings-apps"
          title="Apps"
          description="The Meta apps whose routes Switchboard shows and changes, side by side. The default app's settings follow below."
        >
          <MetaAppsPanel apps={apps} />
        </Section>
        <Section
          id="settings-token"
          title="Access token check"
          description="What Graph's GET /debug_token says about GRAPH_ACCESS_TOKEN, checked now."
        >
          <TokenCheckResult check={token} />
        </Section>
        <Section
          id="settings-usage"
          title="Rate-limit usage"
          description="The latest X-App-Usage and X-Business-Use-Case-Usage figures Graph reported to any Switchboard instance on this database."
        >
          <UsageFigures usage={usage} />
        </Section>
        <Section
          id="settings-app-tier"
          title="Application tier"
          description={
            <>
              The app callback URL (tier 3) for <code>whatsapp_business_account</code>, from GET /{ctx.appId}
              /subscriptions. Numbers without a phone or WABA override deliver here, and template and account
              webhooks always do.
            </>
          }
        >
          <AppTierSection
            read={appTier}
            allowLoopback={config.ALLOW_LOOPBACK_CALLBACKS}
            actions={{
              setAppSubscription: setAppSubscriptionAction,
              deleteAppSubscription: deleteAppSubscriptionAction,
              testCallback: testCallbackAction,
            }}
          />
        </Section>
        <Section
          id="settings-mtls"
          title="mTLS for webhook deliveries"
          description="Meta can present a client certificate (CN client.webhooks.fbclientcerts.com) with each delivery."
        >
          <MtlsSection
            appId={ctx.appId}
            receivers={mtls}
            serving={{
              https: Boolean(config.TLS_CERT_FILE && config.TLS_KEY_FILE),
              caFile: Boolean(config.MTLS_CA_FILE),
              subjectHeader: config.MTLS_CLIENT_SUBJECT_HEADER ?? null,
              trustedProxies: config.TRUSTED_PROXIES.length,
            }}
          />
        </Section>
      </div>
    </>
  );
}
