/**
 * axe-core on every console page, and on the header menu at 390 px: no serious or critical violations. The dialogs,
 * forms and keyboard paths are in a11y.spec.ts (split so each engine's browser run takes one half).
 */
import { expectNoSeriousViolations } from './support/axe';
import { type Scenarios, scenarios } from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

test.use({ storageState: authFile('admin') });

const PAGES: [string, (s: Scenarios) => string][] = [
  ['overview', () => '/'],
  ['WABA list', () => '/wabas'],
  ['WABA list, empty search', () => '/wabas?q=no-such-waba'],
  ['WABA', (s) => `/wabas/${s.wabaTier.wabaId}`],
  ['unsubscribed WABA', (s) => `/wabas/${s.unsubscribedWaba.wabaId}`],
  ['number', (s) => `/numbers/${s.phoneNumberTier.phoneNumberId}`],
  ['number of an unsubscribed WABA', (s) => `/numbers/${s.unsubscribedWaba.phoneNumberId}`],
  ['unknown number', () => '/numbers/999999999999'],
  ['unknown WABA', () => '/wabas/999999999999'],
  ['settings', () => '/settings'],
  ['activity', () => '/activity'],
];

for (const [name, pathOf] of PAGES) {
  test(`page: ${name}`, async ({ page, sandbox }) => {
    const path = pathOf(scenarios(sandbox));
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeVisible();
    await expectNoSeriousViolations(page, path);
  });
}

test('narrow screen: the header menu open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectNoSeriousViolations(page, 'header menu at 390 px');
});
