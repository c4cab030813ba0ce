/**
 * Sessions are re-checked against the database on every request: disabling someone or lowering their role
 * takes effect at their next click, not when their token expires — for pages, route handlers and actions.
 */
import { adminPage, createUser, signedInContext, uniqueEmail, userRow } from './support/auth';
import { expect, test } from './support/fixtures';
import { DEMO_USERS } from './support/roles';

const PASSWORD = 'temporary password 1';

test("a disabled user's open session stops working at its next request", async ({ browser, baseURL }) => {
  const admin = await adminPage(browser, baseURL);
  const email = uniqueEmail('leaver');
  await createUser(admin.page, { email, role: 'operator', password: PASSWORD });

  const user = await signedInContext(browser, baseURL, email, PASSWORD, '/activity');
  await expect(user.page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  expect((await user.page.request.get('/api/activity/export')).status()).toBe(200);

  await userRow(admin.page, email)
    .getByRole('button', { name: `Disable ${email}` })
    .click();
  await admin.page.getByRole('alertdialog').getByRole('button', { name: 'Disable' }).click();
  await expect(userRow(admin.page, email).getByText('Disabled')).toBeVisible();

  // Same cookie, still unexpired: the page and the API both refuse it now.
  await user.page.reload();
  await expect(user.page).toHaveURL(/\/sign-in\?callbackUrl=%2Factivity/);
  expect((await user.page.request.get('/api/activity/export')).status()).toBe(401);
  // And signing in again says why.
  await user.page.getByLabel('Email').fill(email);
  await user.page.getByLabel('Password').fill(PASSWORD);
  await user.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(user.page.getByTestId('sign-in-error')).toHaveText(
    'This account is disabled. Ask an admin to enable it.',
  );

  await admin.context.close();
  await user.context.close();
});

test('a lowered role takes effect at once, even in a page opened before the change', async ({
  browser,
  baseURL,
}) => {
  const admin = await adminPage(browser, baseURL);
  const email = uniqueEmail('demoted');
  const bystander = uniqueEmail('bystander');
  await createUser(admin.page, { email, role: 'admin', password: PASSWORD });
  await createUser(admin.page, { email: bystander, role: 'viewer', password: PASSWORD });

  const user = await signedInContext(browser, baseURL, email, PASSWORD, '/users');
  await expect(user.page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expect(user.page.getByTestId('user-role')).toHaveText(/Admin/);

  await userRow(admin.page, email)
    .getByRole('combobox', { name: `Role for ${email}` })
    .selectOption('viewer');
  await userRow(admin.page, email)
    .getByRole('button', { name: `Save role for ${email}` })
    .click();
  await expect(userRow(admin.page, email).getByText('Now viewer.')).toBeVisible();

  // The stale admin page still shows the controls; the server refuses the action.
  await userRow(user.page, bystander)
    .getByRole('combobox', { name: `Role for ${bystander}` })
    .selectOption('admin');
  await userRow(user.page, bystander)
    .getByRole('button', { name: `Save role for ${bystander}` })
    .click();
  await expect(userRow(user.page, bystander).getByText('Your role (viewer) cannot do this.')).toBeVisible();

  await user.page.reload();
  await expect(user.page.getByTestId('forbidden')).toContainText('Managing users needs the admin role.');
  await expect(user.page.getByTestId('user-role')).toHaveText(/Viewer/);

  await admin.page.reload();
  await expect(
    userRow(admin.page, bystander).getByRole('combobox', { name: `Role for ${bystander}` }),
  ).toHaveValue('viewer');
  await admin.context.close();
  await user.context.close();
});

test('an action sent after the session is gone answers "sign in again", not a broken page', async ({
  browser,
  baseURL,
}) => {
  const admin = await adminPage(browser, baseURL);
  await admin.page.goto('/users');
  await admin.context.clearCookies();
  const row = userRow(admin.page, DEMO_USERS.viewer.email);
  await row.getByRole('button', { name: `Save role for ${DEMO_USERS.viewer.email}` }).click();
  await expect(row.getByText('Your session has ended. Sign in again.')).toBeVisible();
  await admin.context.close();
});

test('signing out ends the session: a copy of the cookie taken before stops working', async ({
  browser,
  baseURL,
}) => {
  const admin = await adminPage(browser, baseURL);
  const email = uniqueEmail('copied');
  await createUser(admin.page, { email, role: 'operator', password: PASSWORD });
  await admin.context.close();

  const user = await signedInContext(browser, baseURL, email, PASSWORD, '/activity');
  const copied = await user.context.storageState();
  const thief = await browser.newContext({ baseURL, storageState: copied });
  const thiefPage = await thief.newPage();
  await thiefPage.goto('/activity');
  await expect(thiefPage.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();

  await user.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(user.page).toHaveURL(/\/sign-in/);

  // The copy is unexpired and correctly signed, but issued before the sign-out.
  await thiefPage.goto('/activity');
  await expect(thiefPage).toHaveURL(/\/sign-in\?callbackUrl=%2Factivity/);
  expect((await thief.request.get('/api/activity/export')).status()).toBe(401);

  // Signing in again works and gives a fresh, valid session.
  await user.page.goto('/activity');
  await user.page.getByLabel('Email').fill(email);
  await user.page.getByLabel('Password').fill(PASSWORD);
  await user.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(user.page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await thief.close();
  await user.context.close();
});

test("a disabled user's next click on a number's page goes to sign-in, and the server logs no error stack", async ({
  browser,
  baseURL,
  sandbox,
}) => {
  const { readFile } = await import('node:fs/promises');
  const path = await import('node:path');
  // global-setup.ts writes the app's output next to the secrets file of the run.
  const appLog = path.join(path.dirname(process.env.E2E_SECRETS_FILE ?? ''), 'app.log');
  const phoneNumberId = (
    sandbox.fixture as unknown as { scenarios: Record<string, { phoneNumberId: string }> }
  ).scenarios.phoneNumberTier?.phoneNumberId;
  const admin = await adminPage(browser, baseURL);
  const email = uniqueEmail('gone');
  await createUser(admin.page, { email, role: 'operator', password: PASSWORD });
  const user = await signedInContext(browser, baseURL, email, PASSWORD, `/numbers/${phoneNumberId}`);
  const logBefore = (await readFile(appLog, 'utf8')).length;

  await userRow(admin.page, email)
    .getByRole('button', { name: `Disable ${email}` })
    .click();
  await admin.page.getByRole('alertdialog').getByRole('button', { name: 'Disable' }).click();
  await expect(userRow(admin.page, email).getByText('Disabled')).toBeVisible();

  await user.page.reload();
  await expect(user.page).toHaveURL(/\/sign-in\?callbackUrl=%2Fnumbers%2F/);
  const logged = (await readFile(appLog, 'utf8')).slice(logBefore);
  expect(logged).not.toContain('ReadError');
  expect(logged).not.toMatch(/^\s+at /m);
  await admin.context.close();
  await user.context.close();
});
