/**
 * The settings page: the connection and token check, usage figures shared through the database, and the
 * application tier changed and deleted through the same flow as overrides. Graph state is read straight from the
 * sandbox (tier 3 as `webhook_configuration.application` of a number that has no override).
 */
import { acceptedWrites, fillOverride, scenarios, webhookConfiguration } from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

const appCallback = async (sandbox: Parameters<typeof scenarios>[0]) =>
  (await webhookConfiguration(sandbox, scenarios(sandbox).applicationTier.phoneNumberId)).application;

test.describe('settings (admin)', () => {
  test.use({ storageState: authFile('admin') });

  test('shows the connection in use and checks the token, never showing it', async ({ page, sandbox }) => {
    const app = sandbox.fixture.apps[0];
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

    const connection = page.getByTestId('connection');
    await expect(connection).toContainText(sandbox.url);
    await expect(connection).toContainText(sandbox.fixture.graphVersion);
    await expect(connection).toContainText(app?.id ?? 'missing');
    for (const business of sandbox.fixture.businesses) await expect(connection).toContainText(business.id);

    const token = page.getByTestId('token-check');
    await expect(token).toHaveAttribute('data-valid', 'true');
    await expect(token).toContainText('The access token is valid');
    await expect(token).toContainText(app?.name ?? 'missing');
    await expect(token).toContainText('whatsapp_business_management');
    await expect(token).toContainText('Never');
    expect(await page.content()).not.toContain(app?.accessToken ?? 'missing');
  });

  test('usage figures from browsing appear, recorded in the database', async ({ page, sandbox }) => {
    const startedAt = Date.now() - 2_000;
    const { wabaId } = scenarios(sandbox).unsubscribedWaba;
    await page.goto(`/wabas/${wabaId}`);
    await expect(page.locator('main h1')).toBeVisible();

    await page.goto('/settings');
    const usage = page.getByTestId('usage-figures');
    await expect(usage).toHaveAttribute('data-empty', 'false');
    const row = usage.locator(`tr[data-scope="business_use_case"][data-object-id="${wabaId}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText('whatsapp_business_management');
    const reported = await row.locator('time').getAttribute('datetime');
    expect(Date.parse(reported ?? '')).toBeGreaterThanOrEqual(startedAt);
    await expect(usage.locator('tr[data-scope="app"]')).toHaveCount(1);
  });

  test('changes the app callback: preflight, write, read-back, activity', async ({
    page,
    sandbox,
    receiver,
  }) => {
    const appId = sandbox.fixture.apps[0]?.id ?? '';
    const url = receiver.url('echo');
    const before = await appCallback(sandbox);
    await page.goto('/settings');
    const current = page.getByTestId('app-subscription-current');
    await expect(current).toContainText(before ?? 'missing');
    await expect(page.getByLabel('messages', { exact: true })).toBeChecked();

    await fillOverride(page, url, receiver.verifyToken);
    await page.getByLabel('calls', { exact: true }).check();
    await page.getByRole('button', { name: 'Save app callback' }).click();
    const outcome = page.getByTestId('app-subscription-result').getByTestId('write-outcome');
    await expect(outcome).toHaveAttribute('data-outcome', 'applied');
    await expect(outcome.getByTestId('read-back')).toContainText(url);
    await expect(outcome.getByTestId('read-back')).toContainText('calls');
    expect(receiver.hits.some((hit) => hit.path === '/echo' && hit.tokenMatched)).toBe(true);

    expect(await appCallback(sandbox)).toBe(url);
    const writes = await acceptedWrites(sandbox);
    expect(writes.map((w) => w.method)).toEqual(['POST']);
    expect(writes[0]?.path).toContain(`${appId}/subscriptions`);
    await expect(current).toContainText(url);
    expect(await page.content()).not.toContain(receiver.verifyToken);

    await page.goto(`/activity?targetType=application&targetId=${appId}`);
    const row = page.getByTestId('activity-row').filter({ hasText: 'app_subscription.set' }).first();
    await expect(row).toBeVisible();
    await expect(row.getByText('Success')).toBeVisible();
    await expect(row).toContainText(appId);
    // Before and after (read back) are both recorded.
    await expect(row).toContainText(before ?? 'missing');
    await expect(row).toContainText(url);
  });

  test('a callback that fails verification is explained and changes nothing', async ({
    page,
    sandbox,
    receiver,
  }) => {
    const before = await appCallback(sandbox);
    await page.goto('/settings');
    await fillOverride(page, receiver.url('missing'), receiver.verifyToken);
    await page.getByRole('button', { name: 'Save app callback' }).click();
    const result = page.getByTestId('app-subscription-result');
    await expect(result.getByTestId('write-outcome')).toHaveAttribute('data-outcome', 'preflight_failed');
    await expect(result.getByTestId('preflight-result')).toContainText('404');
    await expect(result).toContainText('nothing was sent to Graph');
    expect(await sandbox.writes()).toEqual([]);
    expect(await appCallback(sandbox)).toBe(before);

    // Invalid input is caught before anything is sent, under the field.
    await page.getByLabel('Callback URL', { exact: true }).fill('ftp://example.com/hook');
    await page.getByRole('button', { name: 'Save app callback' }).click();
    await expect(page.getByLabel('Callback URL', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect(await sandbox.writes()).toEqual([]);
  });

  test('deleting says every WABA stops and needs the app id typed', async ({ page, sandbox }) => {
    const appId = sandbox.fixture.apps[0]?.id ?? '';
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Delete app subscription' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Every WABA stops sending webhooks to this app');
    await expect(dialog).toContainText(appId);
    const confirm = dialog.getByRole('button', { name: 'Delete app subscription' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type the app id/).fill('123');
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await sandbox.writes()).toEqual([]);

    await page.getByRole('button', { name: 'Delete app subscription' }).click();
    await dialog.getByLabel(/Type the app id/).fill(appId);
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByTestId('app-subscription-delete-result').getByTestId('write-outcome'),
    ).toHaveAttribute('data-outcome', 'applied');
    expect(await appCallback(sandbox)).toBeUndefined();
    await expect(page.getByTestId('app-subscription-current')).toContainText('No app subscription');
    expect((await acceptedWrites(sandbox)).map((w) => w.method)).toEqual(['DELETE']);
  });
});

for (const role of ['operator', 'viewer'] as const) {
  test.describe(`settings (${role})`, () => {
    test.use({ storageState: authFile(role) });

    test(`${role}s are refused and not offered the link`, async ({ page, sandbox }) => {
      const response = await page.goto('/settings');
      expect(response?.status()).toBe(403);
      await expect(page.getByTestId('forbidden')).toContainText('Settings needs the admin role');
      await expect(page.getByTestId('forbidden')).toContainText(`You are signed in as a ${role}.`);
      await expect(page.getByTestId('connection')).toHaveCount(0);
      await expect(
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }),
      ).toHaveCount(0);
      expect(await sandbox.writes()).toEqual([]);
    });
  });
}
