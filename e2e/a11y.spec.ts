/**
 * axe-core on every console page and every open dialog: no serious or critical violations (colour contrast
 * included). Plus the keyboard-only paths a support engineer uses.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fillOverride, scenarios } from './console-support';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

test.use({ storageState: authFile('admin') });

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${label}`).toEqual([]);
}

test('every console page', async ({ page, sandbox }) => {
  const s = scenarios(sandbox);
  const pages = [
    '/',
    '/wabas',
    '/wabas?q=no-such-waba',
    `/wabas/${s.wabaTier.wabaId}`,
    `/wabas/${s.unsubscribedWaba.wabaId}`,
    `/numbers/${s.phoneNumberTier.phoneNumberId}`,
    `/numbers/${s.unsubscribedWaba.phoneNumberId}`,
    '/numbers/999999999999',
    '/wabas/999999999999',
  ];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeVisible();
    await expectNoSeriousViolations(page, path);
  }
});

test('open dialogs and form states', async ({ page, sandbox, receiver }) => {
  const s = scenarios(sandbox);
  await page.goto(`/numbers/${s.phoneNumberTier.phoneNumberId}`);
  await page.getByRole('button', { name: 'Clear phone override' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'clear phone override dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Change phone override' }).click();
  await page.getByRole('button', { name: 'Save phone override' }).click();
  await expect(page.getByLabel('Callback URL', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'override form with field errors');
  await fillOverride(page, receiver.url('wrong'), receiver.verifyToken);
  await page.getByRole('button', { name: 'Test callback' }).click();
  await expect(page.getByTestId('preflight-result')).toBeVisible();
  await expectNoSeriousViolations(page, 'failed preflight result');

  await page.goto(`/wabas/${s.wabaTier.wabaId}`);
  for (const name of ['Clear WABA override', 'Unsubscribe']) {
    await page.getByRole('button', { name }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectNoSeriousViolations(page, `${name} dialog`);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  }
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
