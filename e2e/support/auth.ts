/**
 * Helpers for the sign-in, users and activity specs: signing in through the real form, and creating users
 * through the admin's Users page (so every helper call is itself a use of the UI under test).
 */
import { randomBytes } from 'node:crypto';
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';
import { authFile } from './roles';

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.test`;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** No cookies: inside a spec with `test.use({ storageState })`, new contexts would otherwise inherit it. */
export const SIGNED_OUT = { cookies: [], origins: [] };

/** A fresh browser context signed in as `email`, landing on `path`. */
export async function signedInContext(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
  password: string,
  path = '/activity',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto(path);
  await signIn(page, email, password);
  return { context, page };
}

export async function adminPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, storageState: authFile('admin') });
  return { context, page: await context.newPage() };
}

/** Creates a user on /users as the signed-in admin of `page`. */
export async function createUser(
  page: Page,
  user: { email: string; role: 'viewer' | 'operator' | 'admin'; password: string; name?: string },
): Promise<void> {
  await page.goto('/users');
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Email').fill(user.email);
  if (user.name) await form.getByLabel('Name').fill(user.name);
  await form.getByLabel('Role').selectOption(user.role);
  await form.getByLabel('Initial password').fill(user.password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText(`Created ${user.email}.`)).toBeVisible();
}

export function userRow(page: Page, email: string) {
  return page.locator(`[data-testid="user-row"][data-email="${email}"]`);
}
