/**
 * The WABA tier and the subscription: set and clear this app's WABA override, and subscribe / unsubscribe
 * with the confirmation. Every check of Graph state reads the sandbox directly.
 */
import {
  acceptedWrites,
  fillOverride,
  scenarios,
  thisAppSubscription,
  webhookConfiguration,
} from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

test.describe('WABA override (operator)', () => {
  test.use({ storageState: authFile('operator') });

  test('set a WABA override, see its numbers move to it, clear it, see them fall back', async ({
    page,
    sandbox,
    receiver,
  }) => {
    const { wabaId, phoneNumberId } = scenarios(sandbox).applicationTier;
    const appCallback = sandbox.fixture.apps[0]?.callbackUrl ?? '';
    expect((await thisAppSubscription(sandbox, wabaId))?.override_callback_uri).toBeUndefined();

    await page.goto('/wabas');
    await page.locator(`tr[data-waba-id="${wabaId}"]`).getByRole('link').click();
    const row = page.locator(`tr[data-phone-number-id="${phoneNumberId}"]`);
    await expect(row).toHaveAttribute('data-winner', 'application');

    await page.getByRole('button', { name: 'Set WABA override' }).click();
    await fillOverride(page, receiver.url('echo'), receiver.verifyToken);
    await page.getByRole('button', { name: 'Save WABA override' }).click();
    await expect(page.getByTestId('waba-override-result').getByTestId('write-outcome')).toHaveAttribute(
      'data-outcome',
      'applied',
    );

    expect((await thisAppSubscription(sandbox, wabaId))?.override_callback_uri).toBe(receiver.url('echo'));
    const moved = await webhookConfiguration(sandbox, phoneNumberId);
    expect(moved.whatsapp_business_account).toBe(receiver.url('echo'));
    expect(moved.phone_number).toBeUndefined();
    await expect(row).toHaveAttribute('data-winner', 'whatsapp_business_account');
    await expect(page.getByTestId('waba-override')).toContainText(receiver.url('echo'));

    await page.getByRole('button', { name: 'Clear WABA override' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('will fall back to the app callback URL');
    await expect(dialog).toContainText(appCallback);
    await dialog.getByRole('button', { name: 'Clear WABA override' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('subscription-result').getByTestId('write-outcome')).toHaveAttribute(
      'data-outcome',
      'applied',
    );

    const entry = await thisAppSubscription(sandbox, wabaId);
    expect(entry).toBeDefined();
    expect(entry?.override_callback_uri).toBeUndefined();
    const back = await webhookConfiguration(sandbox, phoneNumberId);
    expect(back.whatsapp_business_account).toBeUndefined();
    expect(back.application).toBe(appCallback);
    await expect(row).toHaveAttribute('data-winner', 'application');
  });
});

test.describe('subscription (admin)', () => {
  test.use({ storageState: authFile('admin') });

  test('subscribe, then unsubscribe only after confirming', async ({ page, sandbox }) => {
    const { wabaId, phoneNumberId } = scenarios(sandbox).unsubscribedWaba;
    expect(await thisAppSubscription(sandbox, wabaId)).toBeUndefined();

    await page.goto(`/wabas/${wabaId}`);
    const row = page.locator(`tr[data-phone-number-id="${phoneNumberId}"]`);
    await expect(row).toHaveAttribute('data-winner', 'none');
    await expect(row).toContainText('No delivery');

    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.getByTestId('subscription-result').getByTestId('write-outcome')).toHaveAttribute(
      'data-outcome',
      'applied',
    );
    expect(await thisAppSubscription(sandbox, wabaId)).toBeDefined();
    await expect(page.getByTestId('subscription-status')).toContainText('Subscribed');
    await expect(row).not.toHaveAttribute('data-winner', 'none');

    // Cancelling the confirmation sends nothing.
    const writesBefore = (await sandbox.writes()).length;
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('No webhook for WABA');
    await expect(dialog).toContainText('will reach this app');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect((await sandbox.writes()).length).toBe(writesBefore);
    expect(await thisAppSubscription(sandbox, wabaId)).toBeDefined();

    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await dialog.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('subscription-result').getByTestId('write-outcome')).toHaveAttribute(
      'data-outcome',
      'applied',
    );
    expect(await thisAppSubscription(sandbox, wabaId)).toBeUndefined();
    await expect(row).toHaveAttribute('data-winner', 'none');
    expect((await acceptedWrites(sandbox)).map((call) => call.method)).toEqual(['POST', 'DELETE']);
  });
});

test.describe('subscription (operator)', () => {
  test.use({ storageState: authFile('operator') });

  test('operators may subscribe but are not offered Unsubscribe', async ({ page, sandbox }) => {
    await page.goto(`/wabas/${scenarios(sandbox).wabaTier.wabaId}`);
    await expect(page.getByRole('button', { name: 'Clear WABA override' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unsubscribe' })).toHaveCount(0);
  });
});
