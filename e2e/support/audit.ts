/**
 * Helpers for the audit specs: the fleet's routes computed straight from the sandbox (as this app, or as
 * another configured app with its own token), so the audit page is checked against Graph, not against
 * itself; and sandbox fault injection.
 */
import type { Page } from '@playwright/test';
import { TIERS } from '@/lib/graph/schemas';
import type { FaultConfig } from '@/lib/graph-sandbox/client';
import type { FixtureApp } from '@/lib/graph-sandbox/fixture-identities';
import type { SandboxHandle } from './fixtures';
import { expect } from './fixtures';

export interface TruthRow {
  phoneNumberId: string;
  wabaId: string;
  winner: 'phone_number' | 'whatsapp_business_account' | 'application' | null;
  url: string | null;
}

interface WabaNode {
  id: string;
  phone_numbers?: {
    data: { id: string; webhook_configuration?: Record<string, string | undefined> }[];
  };
  subscribed_apps?: { data: { whatsapp_business_api_data: { id: string } }[] };
}

/** Every number of every owned and client WABA, resolved the way Meta resolves it for `app` (default: apps[0]). */
export async function fleetTruth(
  sandbox: SandboxHandle,
  app: FixtureApp | undefined = sandbox.fixture.apps[0],
): Promise<TruthRow[]> {
  const appId = app?.id;
  const rows = new Map<string, TruthRow>();
  const fields = 'id,phone_numbers.limit(100){id,webhook_configuration},subscribed_apps';
  for (const business of sandbox.fixture.businesses) {
    for (const edge of ['owned_whatsapp_business_accounts', 'client_whatsapp_business_accounts']) {
      const page = await sandbox.graph<{ data: WabaNode[] }>(
        `/${business.id}/${edge}?fields=${fields}&limit=100`,
        app,
      );
      for (const waba of page.data) {
        const subscribed = (waba.subscribed_apps?.data ?? []).some(
          (a) => String(a.whatsapp_business_api_data.id) === appId,
        );
        for (const number of waba.phone_numbers?.data ?? []) {
          const tiers = number.webhook_configuration ?? {};
          const winner = subscribed ? (TIERS.find((t) => tiers[t]) ?? null) : null;
          rows.set(number.id, {
            phoneNumberId: number.id,
            wabaId: waba.id,
            winner,
            url: winner ? (tiers[winner] ?? null) : null,
          });
        }
      }
    }
  }
  return [...rows.values()];
}

export async function setFaults(sandbox: SandboxHandle, faults: FaultConfig): Promise<void> {
  await sandbox.control.faults(faults);
}

/** Starts a scan from the page and waits until its snapshot is the one shown. */
export async function runScan(page: Page, expectedNumbers: number): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Snapshot' })).toBeVisible();
  // Without any snapshot yet (a fresh database) there is no time to compare with.
  const snapshot = page.getByTestId('snapshot-time');
  // Compared by scan id: two scans finished within the same second read the same on the page.
  const before = (await snapshot.count()) > 0 ? await snapshot.getAttribute('data-scan-id') : null;
  const refresh = page.getByRole('button', { name: 'Refresh audit' });
  await refresh.click();
  await expect(refresh).toBeEnabled({ timeout: 30_000 });
  // A start request the browser lost says so and asks for another try, as a person would do. The message
  // comes after the scan state is read again, which can be after the button is enabled: wait for either it
  // or the new snapshot, not for whichever is on screen at this instant.
  const interrupted = page
    .getByRole('alert')
    .filter({ hasText: 'was interrupted before the server answered' });
  const fresh = before
    ? page.locator(`[data-testid="snapshot-time"]:not([data-scan-id="${before}"])`)
    : snapshot;
  await expect(fresh.or(interrupted).first()).toBeVisible({ timeout: 30_000 });
  if (await interrupted.isVisible()) {
    await refresh.click();
    await expect(refresh).toBeEnabled({ timeout: 30_000 });
  }
  await expect(snapshot).toContainText(`${expectedNumbers} numbers`);
  if (before) {
    await expect(snapshot)
      .not.toHaveAttribute('data-scan-id', before)
      .catch(async (error: unknown) => {
        // Say what the server holds: a scan that never started, failed or was interrupted reads differently.
        const state = await page.request.get('/api/audit/scan').then((r) => r.text());
        const alerts = await page.getByRole('alert').allInnerTexts();
        throw new Error(
          `the snapshot stayed ${before}; /api/audit/scan: ${state}; alerts: ${alerts.join(' | ')}`,
          {
            cause: error,
          },
        );
      });
  }
}

/** The audit table's total as it reads: numbers, or with several apps' rows shown, routes (one per number and app). */
export function auditTotal(n: number, apps = 1): string {
  if (apps > 1) return `${n} ${n === 1 ? 'route' : 'routes'}: each number once per app (${apps} apps)`;
  return `${n} ${n === 1 ? 'number' : 'numbers'}`;
}
