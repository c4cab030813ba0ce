/** The one sentence that says where every app's copy of a number's messages goes. Pure. */
import type { AppRouteView, UnconfiguredAppView } from './types';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function summarizeNumberApps(
  apps: readonly AppRouteView[],
  unconfigured: readonly UnconfiguredAppView[],
): string {
  const receiving = apps.filter((app) => app.resolution?.url);
  const head =
    receiving.length === 0
      ? 'Messages for this number reach none of the configured apps.'
      : `Messages for this number reach ${plural(receiving.length, 'app')}: ${receiving
          .map((app) => `${app.appLabel} → ${app.resolution?.url}`)
          .join(', ')}.`;
  const unread = apps.filter((app) => app.error);
  const parts = [head];
  if (unread.length)
    parts.push(`Could not read the route of ${unread.map((app) => app.appLabel).join(', ')}.`);
  if (unconfigured.length) {
    const names = unconfigured.map((app) => app.name ?? app.appId).join(', ');
    parts.push(
      `Also subscribed, not configured here: ${names} (their phone overrides are not visible without their tokens).`,
    );
  }
  return parts.join(' ');
}
