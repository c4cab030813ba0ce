/**
 * The Meta apps Switchboard acts as. `ConfiguredApp` carries the app's token and secret and stays on the
 * server; `AppSummary` is what crosses to the browser.
 */
export type AppSource = 'environment' | 'settings';

export interface ConfiguredApp {
  id: string;
  label: string;
  /** System-user token of this app: the Graph client's token, so every read and write is this app's view. */
  accessToken: string;
  appSecret: string | null;
  isDefault: boolean;
  source: AppSource;
}

/** An app as pages and forms see it: never the token or the secret. */
export interface AppSummary {
  id: string;
  label: string;
  isDefault: boolean;
  source: AppSource;
  /** Whether the app secret is configured (the application tier needs the app access token). */
  hasAppSecret: boolean;
}

export function appSummary(app: ConfiguredApp): AppSummary {
  return {
    id: app.id,
    label: app.label,
    isDefault: app.isDefault,
    source: app.source,
    hasAppSecret: app.appSecret !== null,
  };
}
