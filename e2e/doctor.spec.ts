/**
 * The number page's Delivery check panel against the sandbox: a number that delivers, one that does not (with its
 * fix), and breaking a number through the sandbox's control surface turns its verdict within one re-run.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { scenarios } from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

const panel = (page: Page) => page.getByRole('region', { name: 'Delivery check' });

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page })
    .include('[aria-labelledby="delivery-check"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => v.id)).toEqual([]);
}

test.describe('as an operator', () => {
  test.use({ storageState: authFile('operator') });

  test('a number that delivers, and breaking it turns its verdict on Re-run', async ({ page, sandbox }) => {
    const { phoneNumberId } = scenarios(sandbox).applicationTier;
    await page.goto(`/numbers/${phoneNumberId}`);
    const verdict = panel(page).locator('[data-verdict]').first();
    await expect(verdict).toHaveAttribute('data-verdict', 'delivers');
    await expect(panel(page).locator('li[data-check]')).toHaveCount(9);
    await expect(panel(page).locator('li[data-check="number_status"]')).toHaveAttribute(
      'data-status',
      'pass',
    );
    await expectAxeClean(page);

    const res = await fetch(`${sandbox.url}/_sandbox/numbers/${phoneNumberId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'PENDING' }),
    });
    expect(res.status).toBe(200);
    await panel(page).getByRole('button', { name: 'Re-run' }).click();
    await expect(verdict).toHaveAttribute('data-verdict', 'does_not_deliver');
    const row = panel(page).locator('li[data-check="number_status"]');
    await expect(row).toHaveAttribute('data-status', 'fail');
    await expect(row).toContainText('PENDING, not CONNECTED');
    await expect(panel(page)).toContainText('first problem: Number status');
  });

  test('a number of an unsubscribed WABA does not deliver, and Subscribe fixes it', async ({
    page,
    sandbox,
  }) => {
    const { phoneNumberId } = scenarios(sandbox).unsubscribedWaba;
    await page.goto(`/numbers/${phoneNumberId}`);
    const verdict = panel(page).locator('[data-verdict]').first();
    await expect(verdict).toHaveAttribute('data-verdict', 'does_not_deliver');
    const row = panel(page).locator('li[data-check="waba_subscription"]');
    await expect(row).toHaveAttribute('data-status', 'fail');
    await expectAxeClean(page);
    await row.getByRole('button', { name: /Subscribe this app/ }).click();
    // Subscribing starts delivery, so it asks first (naming what starts receiving), like every routing change.
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toContainText('start receiving messages webhooks');
    await confirm.getByRole('button', { name: 'Subscribe' }).click();
    await expect(row).toHaveCount(1);
    await expect(panel(page).locator('li[data-check="waba_subscription"]')).toHaveAttribute(
      'data-status',
      'pass',
    );
  });

  test("checks as the acting app (?app=): the second app's own route, and a link to check the first", async ({
    page,
    sandbox,
  }) => {
    const [main, helpdesk] = sandbox.fixture.apps;
    if (!main || !helpdesk) throw new Error('the demo fixture has two apps');
    const phoneNumberId = scenarios(sandbox).sharedWaba.secondAppPhoneNumberId ?? '';
    await page.goto(`/numbers/${phoneNumberId}?app=${helpdesk.id}`);
    const checked = panel(page).getByTestId('doctor-app');
    await expect(checked).toHaveAttribute('data-app-id', helpdesk.id);
    await expect(checked).toContainText(`Checked for ${helpdesk.name}`);
    // Its own phone override (invisible to the first app's token) is what its copy follows.
    await expect(panel(page).locator('li[data-check="callback_live"]')).toContainText(
      'Phone number override wins.',
    );
    await checked.getByRole('link', { name: main.name }).click();
    await expect(page).toHaveURL(new RegExp(`app=${main.id}`));
    await expect(panel(page).getByTestId('doctor-app')).toHaveAttribute('data-app-id', main.id);
    await expect(panel(page).locator('li[data-check="callback_live"]')).toContainText('WABA override wins.');
  });

  test('reads at 390 px without horizontal scrolling', async ({ page, sandbox }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/numbers/${scenarios(sandbox).unsubscribedWaba.phoneNumberId}`);
    await expect(panel(page).locator('[data-verdict]').first()).toBeVisible();
    const overflow = await panel(page).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});

test.describe('as a viewer', () => {
  test.use({ storageState: authFile('viewer') });

  test('may read the diagnosis, without fix buttons', async ({ page, sandbox }) => {
    const { phoneNumberId } = scenarios(sandbox).unsubscribedWaba;
    await page.goto(`/numbers/${phoneNumberId}`);
    await expect(panel(page).locator('[data-verdict]').first()).toHaveAttribute(
      'data-verdict',
      'does_not_deliver',
    );
    await expect(panel(page).getByRole('button', { name: /Subscribe this app/ })).toHaveCount(0);
    const api = await page.request.get(`/api/numbers/${phoneNumberId}/diagnosis`);
    expect(api.status()).toBe(200);
    expect((await api.json()).firstProblem).toBe('waba_subscription');
  });
});
