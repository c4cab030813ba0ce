/**
 * Signing in and out, signed-out redirects, the rate limit, and the security headers — as a signed-out
 * visitor in a real browser against the production build.
 */
import AxeBuilder from '@axe-core/playwright';
import { signIn, uniqueEmail } from './support/auth';
import { expect, test } from './support/fixtures';
import { DEMO_USERS } from './support/roles';

test('console pages send signed-out visitors to sign-in, and back after it', async ({ page }) => {
  for (const path of ['/wabas', '/users', '/activity?outcome=failure']) {
    await page.goto(path);
    await expect(page).toHaveURL(
      (url) => url.pathname === '/sign-in' && url.searchParams.get('callbackUrl') === path,
    );
  }
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto('/activity?outcome=failure');
  await signIn(page, DEMO_USERS.viewer.email, DEMO_USERS.viewer.password);
  await expect(page).toHaveURL(/\/activity\?outcome=failure$/);
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Outcome')).toHaveValue('failure');
});

test('route handlers answer 401 JSON to signed-out callers instead of redirecting', async ({ request }) => {
  const res = await request.get('/api/activity/export', { maxRedirects: 0 });
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: 'unauthenticated' });
});

test('a wrong password gets a clear message in a live region', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO_USERS.operator.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const error = page.getByTestId('sign-in-error');
  await expect(error).toHaveText('The email or password is incorrect.');
  await expect(page.locator('[aria-live]').filter({ has: error })).toHaveCount(1);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('repeated failures are rate limited with the time to wait, as a message and as 429 + Retry-After', async ({
  page,
}) => {
  const email = uniqueEmail('guess');
  await page.goto('/sign-in');
  const error = page.getByTestId('sign-in-error');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`guess number ${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(error).toHaveText('The email or password is incorrect.');
    // Each failure must be a fresh answer, not the previous message left on screen.
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await page.getByLabel('Password').fill('one more guess');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(error).toHaveText('Too many failed sign-in attempts. Try again in 15 minutes.');

  const { csrfToken } = await (await page.request.get('/api/auth/csrf')).json();
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { email, password: 'and another', csrfToken, json: 'true' },
  });
  expect(res.status()).toBe(429);
  const retryAfter = Number(res.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThan(800);
  expect(retryAfter).toBeLessThanOrEqual(900);
});

test('sign in, see who you are, sign out', async ({ page }) => {
  await page.goto('/');
  await signIn(page, DEMO_USERS.viewer.email, DEMO_USERS.viewer.password);
  await expect(page.getByTestId('user-role')).toHaveText(/Viewer/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/wabas');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fwabas/);
});

test('every response carries the security headers; the nonce CSP lets only the app’s scripts run', async ({
  page,
  request,
}) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto('/sign-in');
  const headers = response?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  const nonce = /script-src 'self' 'nonce-([^']+)' 'strict-dynamic'(;|$)/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');

  // Every script Next.js rendered carries this request's nonce…
  const scriptNonces = await page
    .locator('script')
    .evaluateAll((els) => els.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  // …a fresh one per request…
  const again = (await request.get('/sign-in')).headers()['content-security-policy'];
  expect(again).not.toContain(nonce);

  // …so the page hydrates and its buttons work (demo mode's "Use" button fills the form)…
  await page.getByRole('button', { name: 'Fill in the viewer demo account' }).click();
  await expect(page.getByLabel('Email')).toHaveValue(DEMO_USERS.viewer.email);

  // …while injected markup cannot run script.
  const injected = await page.evaluate(async () => {
    const w = window as Window & { injected?: boolean };
    const blocked = new Promise<boolean>((resolve) => {
      document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
      setTimeout(() => resolve(false), 3_000);
    });
    document.body.insertAdjacentHTML(
      'beforeend',
      '<img src="/no-such-image.png" onerror="window.injected = true">',
    );
    return { blocked: await blocked, ran: w.injected === true };
  });
  expect(injected).toEqual({ blocked: true, ran: false });
  expect(violations.filter((v) => !v.includes('onerror') && !v.includes('inline event handler'))).toEqual([]);

  // Route handlers and static files get the request-independent headers too.
  for (const path of ['/api/health', '/api/activity/export']) {
    const res = await request.get(path);
    expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(res.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
  }
});

test('the sign-in page has no serious accessibility violations, with or without an error', async ({
  page,
}) => {
  const serious = async () =>
    (
      await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    ).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await page.goto('/sign-in');
  expect(await serious()).toEqual([]);
  await page.goto('/sign-in?error=CredentialsSignin');
  await expect(page.getByTestId('sign-in-error')).toBeVisible();
  expect(await serious()).toEqual([]);
});
