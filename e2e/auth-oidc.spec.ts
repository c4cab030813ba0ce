/**
 * Single sign-on end to end against a real OpenID Connect provider (oidc-provider) started here, on the port
 * the test stack configured the app with (E2E_OIDC_PORT; see e2e/support/oidc-server.ts).
 */
import type { Page } from '@playwright/test';
import { adminPage, SIGNED_OUT, userRow } from './support/auth';
import { expect, test } from './support/fixtures';
import { OIDC_E2E, type RunningOidcServer, startOidcServer } from './support/oidc-server';

const port = Number(process.env.E2E_OIDC_PORT);
let oidc: RunningOidcServer | undefined;

test.skip(!port, 'E2E_OIDC_PORT is not set: the stack was started without single sign-on');

test.beforeAll(async ({ baseURL }) => {
  if (!baseURL) throw new Error('baseURL is not set');
  oidc = await startOidcServer({ port, appUrl: baseURL });
});

test.afterAll(async () => {
  await oidc?.close();
});

/** From the app's sign-in page through the provider's login and consent pages, back to the app. */
async function signInWithSso(page: Page, baseURL: string | undefined, login: string) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: `Continue with ${OIDC_E2E.buttonName}` }).click();
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.origin === new URL(baseURL ?? '').origin);
}

test('a first SSO sign-in creates a viewer linked to the provider; the next one finds the same user', async ({
  browser,
  baseURL,
}) => {
  const login = `sso-${Date.now()}@${OIDC_E2E.allowedDomain}`;
  for (let visit = 1; visit <= 2; visit++) {
    const context = await browser.newContext({ baseURL, storageState: SIGNED_OUT });
    const page = await context.newPage();
    await signInWithSso(page, baseURL, login);
    await expect(page).toHaveURL(`${baseURL}/`);
    await expect(page.getByRole('banner')).toContainText(login);
    await expect(page.getByTestId('user-role')).toHaveText(/Viewer/);
    await context.close();
  }

  const admin = await adminPage(browser, baseURL);
  await admin.page.goto('/users');
  await expect(userRow(admin.page, login)).toHaveCount(1);
  await expect(userRow(admin.page, login)).toContainText('Single sign-on');
  await admin.page.goto(`/activity?action=user.create&actor=${encodeURIComponent(login)}`);
  await expect(admin.page.getByTestId('activity-row')).toHaveCount(1);
  await admin.context.close();
});

test('an email domain outside OIDC_ALLOWED_DOMAINS is refused with a clear message', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, storageState: SIGNED_OUT });
  const page = await context.newPage();
  await signInWithSso(page, baseURL, 'mallory@elsewhere.test');
  await expect(page).toHaveURL(/\/sign-in\?error=SsoDomain/);
  await expect(page.getByTestId('sign-in-error')).toHaveText(
    'Your email domain is not allowed to sign in to Switchboard.',
  );
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});
