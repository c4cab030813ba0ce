import type { BulkAppChoice } from './bulk-actions';

/**
 * How a job names its app: a job from before per-app bulk (no app recorded) changed the default app's route;
 * an app removed since is named by its id.
 */
export function bulkAppLabel(apps: readonly BulkAppChoice[], appId: string | null): string {
  const app = appId ? apps.find((a) => a.id === appId) : apps.find((a) => a.isDefault);
  return app?.label ?? (appId ? `App ${appId}` : 'the default app');
}
