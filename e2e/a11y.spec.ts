/**
 * axe-core on every open dialog and the override form's error states: no serious or critical violations. Plus the
 * keyboard-only paths a support engineer uses. The pages themselves are in a11y-pages.spec.ts.
 */
import { expectNoSeriousViolations } from './support/axe';
import { fillOverride, scenarios } from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

test.use({ storageState: authFile('admin') });

test('dialog: clear phone override', async ({ page, sandbox }) => {
  await page.goto(`/numbers/${scenarios(sandbox).phoneNumberTier.phoneNumberId}`);
  await page.getByRole('button', { name: 'Clear phone override' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'clear phone override dialog');
  await page.keyboard.press('Escape');
  expect(await sandbox.writes()).toEqual([]);
});

for (const name of ['Clear WABA override', 'Unsubscribe']) {
  test(`dialog: ${name}`, async ({ page, sandbox }) => {
    await page.goto(`/wabas/${scenarios(sandbox).wabaTier.wabaId}`);
    await page.getByRole('button', { name }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectNoSeriousViolations(page, `${name} dialog`);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await sandbox.writes()).toEqual([]);
  });
}

test('dialog: subscribe, with where the numbers start delivering', async ({ page, sandbox }) => {
  await page.goto(`/wabas/${scenarios(sandbox).unsubscribedWaba.wabaId}`);
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  await expect(page.getByTestId('subscribe-preview')).toBeVisible();
  await expectNoSeriousViolations(page, 'subscribe dialog');
  await page.keyboard.press('Escape');
  expect(await sandbox.writes()).toEqual([]);
});

test('dialog: delete app subscription', async ({ page, sandbox }) => {
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Delete app subscription' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'delete app subscription dialog');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  expect(await sandbox.writes()).toEqual([]);
});

test('override form: field errors, then a failed preflight', async ({ page, sandbox, receiver }) => {
  test.slow();
  await page.goto(`/numbers/${scenarios(sandbox).phoneNumberTier.phoneNumberId}`);
  await page.getByRole('button', { name: 'Change phone override' }).click();
  await page.getByRole('button', { name: 'Save phone override' }).click();
  await expect(page.getByLabel('Callback URL', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'override form with field errors');
  await fillOverride(page, receiver.url('wrong'), receiver.verifyToken);
  await page.getByRole('button', { name: 'Test callback' }).click();
  await expect(page.getByTestId('preflight-result')).toBeVisible();
  await expectNoSeriousViolations(page, 'failed preflight result');
  expect(await sandbox.writes()).toEqual([]);
});

test('keyboard only: skip link, then a dialog that traps focus and returns it', async ({ page, sandbox }) => {
  await page.goto(`/wabas/${scenarios(sandbox).wabaTier.wabaId}`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const trigger = page.getByRole('button', { name: 'Unsubscribe' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  // Radix AlertDialog focuses Cancel first: the safe choice.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Unsubscribe' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  expect(await sandbox.writes()).toEqual([]);
});
