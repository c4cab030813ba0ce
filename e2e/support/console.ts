/**
 * Helpers for the console specs: the demo fleet's named scenarios, and Graph state read straight from the
 * sandbox (as this app), so assertions never rely on what the UI claims.
 */
import type { Page } from '@playwright/test';
import { expect, type SandboxCall, type SandboxHandle } from './fixtures';

export type Scenarios = SandboxHandle['fixture']['scenarios'];

export function scenarios(sandbox: SandboxHandle): Scenarios {
  return sandbox.fixture.scenarios;
}

export interface WebhookConfiguration {
  phone_number?: string;
  whatsapp_business_account?: string;
  application?: string;
}

/** The number's three tiers as one app sees them (default: the app Switchboard uses by default). */
export async function webhookConfiguration(
  sandbox: SandboxHandle,
  phoneNumberId: string,
  app?: SandboxHandle['fixture']['apps'][number],
) {
  const node = await sandbox.graph<{ webhook_configuration?: WebhookConfiguration }>(
    `/${phoneNumberId}?fields=webhook_configuration`,
    app,
  );
  return node.webhook_configuration ?? {};
}

/** This app's entry in `GET /<WABA_ID>/subscribed_apps`, or undefined when it is not subscribed. */
export async function thisAppSubscription(sandbox: SandboxHandle, wabaId: string) {
  const appId = sandbox.fixture.apps[0]?.id;
  const res = await sandbox.graph<{
    data: { whatsapp_business_api_data: { id: string }; override_callback_uri?: string }[];
  }>(`/${wabaId}/subscribed_apps`);
  return res.data.find((entry) => String(entry.whatsapp_business_api_data.id) === appId);
}

/** Graph writes (POST/DELETE) that Graph accepted: a refused call changed nothing. */
export async function acceptedWrites(sandbox: SandboxHandle): Promise<SandboxCall[]> {
  return (await sandbox.writes()).filter((call) => call.status < 400);
}

/** Fills the override form (URL + verify token) that is open on the page. */
export async function fillOverride(page: Page, url: string, verifyToken: string) {
  await page.getByLabel('Callback URL', { exact: true }).fill(url);
  await page.getByLabel('Verify token', { exact: true }).fill(verifyToken);
}

/**
 * The overview reads the latest audit snapshot: opens it, starts a scan from it (Refresh now, or Scan the fleet
 * now before the first snapshot; operators and admins) — or follows the one already running — and waits until
 * the page shows the new snapshot.
 */
export async function refreshOverview(page: Page): Promise<void> {
  await page.goto('/');
  const freshness = page.getByTestId('overview-freshness');
  const before = (await freshness.getAttribute('data-scan-id')) ?? '';
  const start = page.getByRole('button', { name: /^(Refresh now|Scan the fleet now)$/ });
  const running = page.getByTestId('overview-scan-running');
  await expect(start.or(running)).toBeVisible();
  if (await start.isVisible()) await start.click();
  await expect(freshness).not.toHaveAttribute('data-scan-id', before, { timeout: 30_000 });
  await expect(freshness).not.toHaveAttribute('data-scan-id', '');
}
