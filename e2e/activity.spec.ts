/**
 * The change log as people use it: find a change by person, action and target, share the filtered URL,
 * export the same rows as CSV.
 */
import { readFile } from 'node:fs/promises';
import { createUser, SIGNED_OUT, uniqueEmail } from './support/auth';
import { expect, test } from './support/fixtures';
import { authFile, DEMO_USERS } from './support/roles';

test.use({ storageState: authFile('admin') });

test('changes are attributed, filterable through the URL and exportable as CSV', async ({ page }) => {
  const email = uniqueEmail('logged');
  // Quotes and commas in recorded values must survive the CSV round trip.
  await createUser(page, {
    email,
    role: 'viewer',
    password: 'logged password 1',
    name: 'Logged, "Quoted" Person',
  });

  await page.goto('/activity');
  await page.getByLabel('Person').selectOption(DEMO_USERS.admin.email);
  await page.getByLabel('Action').selectOption('user.create');
  await page.getByLabel('Outcome').selectOption('success');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/action=user\.create/);
  const row = page.getByTestId('activity-row').filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(DEMO_USERS.admin.email);
  await expect(row.getByText('Success')).toBeVisible();

  // The filtered view is a plain URL: reload it, and the filters and rows are still there.
  const url = page.url();
  await page.goto(url);
  await expect(page.getByLabel('Action')).toHaveValue('user.create');
  await expect(page.getByTestId('activity-row').filter({ hasText: email })).toHaveCount(1);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = await readFile(file, 'utf8');
  // A byte-order mark first, so spreadsheet apps read the file as UTF-8 (the audit export has one too).
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'at,actor,action,target_type,target_id,outcome,error_code,fbtrace_id,message,before,requested,after',
  );
  const line = lines.find((l) => l.includes(email));
  expect(line).toContain(`,${DEMO_USERS.admin.email},user.create,user,`);
  expect(line).toContain('""name"":""Logged, \\""Quoted\\"" Person""');
  expect(lines.slice(1).every((l) => l.includes(',user.create,'))).toBe(true);
});

test('a date out of range is a field error on the page, and the export refuses it with 400', async ({
  page,
}) => {
  // PostgreSQL refuses these years (SQLSTATE 22008): they used to reach the error page and a reset export.
  for (const from of ['-271821-04-20T00:00:00Z', '0000-01-01']) {
    const response = await page.goto(`/activity?from=${encodeURIComponent(from)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByLabel('From (UTC)')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#f-from-error')).toHaveText('Pick a date between 1970-01-01 and 9999-12-31.');
    const exported = await page.request.get(`/api/activity/export?from=${encodeURIComponent(from)}`);
    expect(exported.status()).toBe(400);
    expect((await exported.json()).message).toContain('Pick a date between 1970-01-01 and 9999-12-31.');
  }
});

test('a filter with no matches says so, and Clear resets every filter', async ({ page }) => {
  await page.goto(`/activity?targetType=waba&targetId=${uniqueEmail('none')}&outcome=mismatch`);
  await expect(page.getByText('No changes match these filters')).toBeVisible();
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(page.getByLabel('Target type')).toHaveValue('');
});

test.describe('export permissions', () => {
  test.use({ storageState: authFile('viewer') });

  test('viewers may export; signed-out callers get 401', async ({ page, playwright, baseURL }) => {
    const res = await page.request.get('/api/activity/export?action=user.create');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers()['content-disposition']).toMatch(
      /^attachment; filename="switchboard-activity-\d{8}-\d{4}\.csv"$/,
    );

    const anonymous = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT });
    const refused = await anonymous.get('/api/activity/export?action=user.create');
    expect(refused.status()).toBe(401);
    await anonymous.dispose();
  });
});
