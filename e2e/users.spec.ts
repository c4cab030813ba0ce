/**
 * The Users page: admins create users who can then sign in; the last active admin cannot be demoted or
 * disabled; other roles get a 403 page.
 */

import { createUser, signedInContext, uniqueEmail, userRow } from './support/auth';
import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { authFile, DEMO_USERS } from './support/roles';

test.describe('as an admin', () => {
  test.use({ storageState: authFile('admin') });

  test('create a user who can sign in with the initial password', async ({ page, browser, baseURL }) => {
    const email = uniqueEmail('new-operator');
    await createUser(page, { email, role: 'operator', password: 'initial password 1', name: 'New Operator' });
    const row = userRow(page, email);
    await expect(row).toContainText('New Operator');
    await expect(row.getByRole('combobox', { name: `Role for ${email}` })).toHaveValue('operator');

    const user = await signedInContext(browser, baseURL, email, 'initial password 1', '/');
    await expect(user.page.getByTestId('user-role')).toHaveText(/Operator/);
    await user.context.close();
  });

  test('the form explains what is wrong', async ({ page }) => {
    await page.goto('/users');
    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Email').fill(DEMO_USERS.viewer.email);
    await form.getByLabel('Initial password').fill('long enough password');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(
      form.getByText(`A user with the email ${DEMO_USERS.viewer.email} already exists.`),
    ).toBeVisible();
    await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  });

  test('the last active admin cannot be demoted or disabled', async ({ page }) => {
    await page.goto('/users');
    const activeAdmins = await page
      .getByTestId('user-row')
      .evaluateAll(
        (rows) =>
          rows.filter(
            (row) =>
              (row.querySelector('select[name="role"]') as HTMLSelectElement | null)?.value === 'admin' &&
              row.textContent?.includes('Active'),
          ).length,
      );
    // Other specs may add admins; this check only holds while the demo admin is the only active one.
    test.skip(activeAdmins > 1, 'another active admin exists in this run');
    const own = userRow(page, DEMO_USERS.admin.email);
    await expect(own.getByRole('combobox', { name: `Role for ${DEMO_USERS.admin.email}` })).toBeDisabled();
    await expect(own.getByRole('button', { name: `Disable ${DEMO_USERS.admin.email}` })).toBeDisabled();
    await expect(own).toContainText('The last active admin keeps the admin role.');
  });

  test('users and activity pages have no serious accessibility violations', async ({ page }) => {
    for (const path of ['/users', '/activity']) {
      await page.goto(path);
      await expectNoSeriousViolations(page, path);
    }
  });
});

for (const role of ['viewer', 'operator'] as const) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: authFile(role) });

    test('the Users page answers with a clear 403 and no user data', async ({ page }) => {
      const response = await page.goto('/users');
      expect(response?.status()).toBe(403);
      await expect(page.getByTestId('forbidden')).toContainText('Managing users needs the admin role.');
      await expect(page.getByTestId('forbidden')).toContainText(`You are signed in as a ${role}.`);
      await expect(page.getByTestId('users-table')).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
    });
  });
}
