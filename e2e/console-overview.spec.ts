/**
 * The overview's counts and warnings, and what the console shows when Graph fails a read.
 */
import type { FaultConfig } from '@/lib/graph-sandbox/client';
import { fillOverride, refreshOverview, scenarios } from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

test.use({ storageState: authFile('operator') });

test('counts match the sandbox and the unsubscribed WABA is flagged', async ({ page, sandbox }) => {
  const { wabaId } = scenarios(sandbox).unsubscribedWaba;
  // The overview reads the latest audit snapshot (the stack runs no background refresh): take one now.
  await refreshOverview(page);
  await expect(page.getByTestId('snapshot-age')).toHaveText('less than a minute ago');
  const count = async (id: string) => Number(await page.getByTestId(id).textContent());
  const numbers = await count('count-numbers');
  const byTier = await Promise.all(
    ['phone_number', 'whatsapp_business_account', 'application', 'none'].map((t) => count(`count-${t}`)),
  );
  expect(byTier.reduce((a, b) => a + b, 0)).toBe(numbers);

  const labs = await sandbox.graph<{ phone_numbers: { data: unknown[] } }>(`/${wabaId}?fields=phone_numbers`);
  expect(byTier[3]).toBeGreaterThanOrEqual(labs.phone_numbers.data.length);
  const warning = page.getByTestId('warning-unsubscribed');
  await expect(warning.getByRole('link')).toHaveAttribute('href', `/wabas/${wabaId}`);

  // Its numbers cannot receive messages: counted by first failing check, the group opens them in the audit.
  const undeliverable = page.getByTestId('warning-undeliverable');
  const notSubscribed = undeliverable.locator('[data-check="waba_subscription"]');
  await expect(notSubscribed).toContainText(`${labs.phone_numbers.data.length} number`);
  expect(Number(await page.getByTestId('undeliverable-count').textContent())).toBeGreaterThanOrEqual(
    labs.phone_numbers.data.length,
  );
  await notSubscribed.getByRole('link', { name: 'WABA subscription' }).click();
  await expect(page).toHaveURL(/\/audit\?verdict=does_not_deliver&problem=waba_subscription/);
  await expect(page.getByTestId('audit-problem-filter')).toContainText('WABA subscription');
  const verdicts = page.getByTestId('audit-verdict');
  await expect(verdicts).toHaveCount(labs.phone_numbers.data.length);
  for (const verdict of await verdicts.all()) {
    await expect(verdict).toHaveAttribute('data-verdict', 'does_not_deliver');
  }
});

test('an override whose URL fails a callback check is flagged on the overview', async ({
  page,
  sandbox,
  receiver,
}) => {
  const { phoneNumberId } = scenarios(sandbox).wabaTier;
  await page.goto(`/numbers/${phoneNumberId}`);
  await page.getByRole('button', { name: 'Set phone override' }).click();
  await fillOverride(page, receiver.url('echo'), receiver.verifyToken);
  await page.getByRole('button', { name: 'Save phone override' }).click();
  await expect(page.getByTestId('write-outcome')).toHaveAttribute('data-outcome', 'applied');

  // The receiver later stops accepting the token: a Test callback records the failure.
  await fillOverride(page, receiver.url('echo'), 'a-token-the-receiver-refuses');
  await page.getByRole('button', { name: 'Test callback' }).click();
  await expect(page.getByTestId('preflight-result')).toContainText('HTTP status403');

  // A snapshot taken after the override was set (a scan another spec had running may predate it: retake).
  const flagged = page.getByTestId('warning-failing-overrides');
  await expect(async () => {
    await refreshOverview(page);
    await expect(flagged).toContainText(receiver.url('echo'), { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(flagged.getByRole('link', { name: `Number ${phoneNumberId}` })).toBeVisible();
});

test('a Graph failure is shown with its code, and Try again recovers', async ({ page, sandbox }) => {
  const { wabaId } = scenarios(sandbox).wabaTier;
  const faults = (config: FaultConfig | null) =>
    config ? sandbox.control.faults(config) : sandbox.control.clearFaults();
  await faults({ faultRate: 1, faultKind: 'code80008', pathPattern: `/${wabaId}` });

  await page.goto(`/wabas/${wabaId}`);
  const alert = page.getByTestId('graph-error');
  await expect(alert).toContainText('Could not read this WABA from Graph');
  await expect(alert).toContainText('rate limit');
  await expect(alert).toHaveAttribute('data-code', '80008');

  await faults(null);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Retail EU');
  await expect(page.getByTestId('subscription-status')).toContainText('Subscribed');
});
