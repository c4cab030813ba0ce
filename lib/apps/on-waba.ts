/**
 * Each configured app's standing on one WABA, from the `subscribed_apps` Graph already returned for it: no
 * call per app. Pure, shared by the WABA page and the WABA list.
 */
import type { AppSummary } from './types';

export interface AppOnWaba {
  appId: string;
  label: string;
  isDefault: boolean;
  subscribed: boolean;
  wabaOverride: string | null;
}

export function configuredAppsOnWaba(
  apps: readonly AppSummary[],
  subscribedApps: readonly { appId: string; overrideCallbackUri: string | null }[],
): AppOnWaba[] {
  return apps.map((app) => {
    const entry = subscribedApps.find((sub) => sub.appId === app.id);
    return {
      appId: app.id,
      label: app.label,
      isDefault: app.isDefault,
      subscribed: entry !== undefined,
      wabaOverride: entry?.overrideCallbackUri ?? null,
    };
  });
}

/** "Acme Helpdesk is not subscribed to this WABA: …", or null when every configured app is. */
export function notSubscribedSentence(
  apps: readonly AppSummary[],
  subscribedAppIds: readonly string[],
): string | null {
  const missing = apps.filter((app) => !subscribedAppIds.includes(app.id)).map((app) => app.label);
  if (missing.length === 0) return null;
  const [verb, them] = missing.length === 1 ? ['is', 'it'] : ['are', 'them'];
  return `${missing.join(', ')} ${verb} not subscribed to this WABA: Meta sends ${them} none of its webhooks.`;
}
