/**
 * The configured apps, environment first (its default app first of all), then those added in Settings.
 * Routing reads and writes take one of these: the app is a parameter, not a global.
 */
import type { ConfiguredApp } from './types';

export interface AppRegistry {
  /** Every configured app, the default first. */
  apps: ConfiguredApp[];
  defaultApp: ConfiguredApp;
  find(appId: string): ConfiguredApp | undefined;
}

export class UnknownAppError extends Error {
  override name = 'UnknownAppError';
  constructor(readonly appId: string) {
    super(`App ${appId} is not configured in Switchboard.`);
  }
}

export function buildAppRegistry(
  fromEnvironment: readonly Omit<ConfiguredApp, 'source'>[],
  fromSettings: readonly ConfiguredApp[],
): AppRegistry {
  const apps: ConfiguredApp[] = fromEnvironment.map((app) => ({ ...app, source: 'environment' }));
  const known = new Set(apps.map((app) => app.id));
  // An app the environment also configures wins: the environment is what the operator deployed.
  for (const app of fromSettings) if (!known.has(app.id)) apps.push({ ...app, isDefault: false });
  const defaultApp = apps.find((app) => app.isDefault) ?? apps[0];
  if (!defaultApp) throw new Error('No app is configured');
  return {
    apps: [defaultApp, ...apps.filter((app) => app !== defaultApp)],
    defaultApp,
    find: (appId) => apps.find((app) => app.id === appId),
  };
}

/** The app a request names, the default when it names none; throws UnknownAppError for an unknown id. */
export function pickApp(registry: AppRegistry, appId: string | null | undefined): ConfiguredApp {
  if (!appId) return registry.defaultApp;
  const app = registry.find(appId);
  if (!app) throw new UnknownAppError(appId);
  return app;
}
