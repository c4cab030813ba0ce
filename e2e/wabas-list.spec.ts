/**
 * The WABA list (the foundation's "first page"): every WABA the configured businesses own or share, as the
 * sandbox lists them, with search kept in the URL.
 */
import { scenarios } from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

test.use({ storageState: authFile('viewer') });

test('lists the demo WABAs, searches by name and by id in the URL', async ({ page, sandbox }) => {
  const ids = new Set<string>();
  for (const business of sandbox.fixture.businesses) {
    for (const edge of ['owned_whatsapp_business_accounts', 'client_whatsapp_business_accounts']) {
      const res = await sandbox.graph<{ data: { id: string }[] }>(`/${business.id}/${edge}?limit=100`);
      for (const waba of res.data) ids.add(String(waba.id));
    }
  }
  expect(ids.size).toBeGreaterThan(1);

  await page.goto('/wabas');
  const rows = page.locator('tbody tr[data-waba-id]');
  await expect(rows).toHaveCount(ids.size);
  expect(new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-waba-id'))))).toEqual(
    ids,
  );
  const unsubscribed = page.locator(`tr[data-waba-id="${scenarios(sandbox).unsubscribedWaba.wabaId}"]`);
  await expect(unsubscribed).toContainText('Not subscribed');

  // The owner business column: a WABA shared by a business nobody configured names who shares it.
  const outsider = scenarios(sandbox).outsiderWaba;
  expect(outsider).toBeDefined();
  expect(sandbox.fixture.businesses.map((b) => b.id)).not.toContain(outsider?.ownerBusinessId);
  await expect(page.getByRole('columnheader', { name: 'Owner business' })).toBeVisible();
  const shared = page.locator(`tr[data-waba-id="${outsider?.wabaId}"] [data-ownership]`);
  await expect(shared).toHaveAttribute('data-ownership', 'client');
  await expect(shared).toHaveText(`Shared by ${outsider?.ownerName}`);
  const owned = page.locator(`tr[data-waba-id="${scenarios(sandbox).wabaTier.wabaId}"] [data-ownership]`);
  await expect(owned).toHaveText(`Owned by ${sandbox.fixture.businesses[0]?.name}`);

  await page.getByLabel('Search by name or WABA id').fill('retail eu');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/wabas\?q=retail\+eu$/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Acme Retail EU');

  const { wabaId } = scenarios(sandbox).applicationTier;
  await page.goto(`/wabas?q=${wabaId}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-waba-id', wabaId);
  await expect(page.getByLabel('Search by name or WABA id')).toHaveValue(wabaId);

  await page.goto('/wabas?q=no-such-waba');
  await expect(page.getByText('No WABA matches “no-such-waba”')).toBeVisible();
  await page.getByRole('link', { name: 'Clear search' }).click();
  await expect(page).toHaveURL(/\/wabas$/);
  await expect(rows).toHaveCount(ids.size);
  expect(await sandbox.writes()).toEqual([]);
});
