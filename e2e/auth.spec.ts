/**
 * Signing in and out, signed-out redirects, the rate limit, and the security headers — as a signed-out
 * visitor in a real browser against the production build.
 */

import { adminPage, createUser, signIn, uniqueEmail } from './support/auth';
import { expectNoSeriousViolations } from './support/axe';
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

test('sign in, see who you are, sign out', async ({ page, browser, baseURL }) => {
  // A user of its own: signing out ends every session of that user, the other specs' stored viewer too.
  const admin = await adminPage(browser, baseURL);
  const email = uniqueEmail('leaving');
  await createUser(admin.page, { email, role: 'viewer', password: 'temporary password 1' });
  await admin.context.close();
  await page.goto('/');
  await signIn(page, email, 'temporary password 1');
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
  // /api/hooks/* is answered outside Next (lib/serve/hooks-fast-path.ts) and must not lose them.
  for (const path of [
    '/api/health',
    '/api/activity/export',
    '/api/hooks/00000000-0000-4000-8000-000000000000',
  ]) {
    const res = await request.get(path);
    expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(res.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
  }
});

test('the sign-in page has no serious accessibility violations, with or without an error', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await expectNoSeriousViolations(page, '/sign-in');
  await page.goto('/sign-in?error=CredentialsSignin');
  await expect(page.getByTestId('sign-in-error')).toBeVisible();
  await expectNoSeriousViolations(page, '/sign-in with an error');
});

test('a callbackUrl that a browser would read as another host sends the user home, on this origin', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  // Tab and backslash tricks: the browser drops the tab and reads `\` as `/`, turning `/\t/host` into `//host`.
  const tricks = ['%2F%09%2F127.0.0.1%3A4214%2Flanded', '%2F%09%5C127.0.0.1%3A4214%2Flanded'];
  await page.goto(`/sign-in?callbackUrl=${tricks[0]}`);
  await signIn(page, DEMO_USERS.viewer.email, DEMO_USERS.viewer.password);
  expect(new URL(page.url()).origin).toBe(origin);
  expect(new URL(page.url()).pathname).toBe('/');
  // Signed in already: the sign-in page redirects at once, and still only to this origin.
  for (const trick of tricks) {
    const res = await page.request.get(`/sign-in?callbackUrl=${trick}`, { maxRedirects: 0 });
    expect(res.status(), trick).toBe(307);
    expect(res.headers().location, trick).toBe('/');
  }
  // Newlines, carriage returns and non-ASCII are a redirect home or to the encoded path, never a 500.
  for (const value of ['%2Fa%0Ab', '%2Fa%0D%0ASet-Cookie%3A%20x%3D1', '%2Fcaf%C3%A9']) {
    const res = await page.request.get(`/sign-in?callbackUrl=${value}`, { maxRedirects: 0 });
    expect(res.status(), value).toBe(307);
    expect(res.headers().location, value).toMatch(/^\/[\x21-\x7e]*$/);
    expect(res.headers()['set-cookie'] ?? '', value).not.toContain('x=1');
  }
});

/** A sign-in POST from a chosen loopback source address, so the per-IP count is this test's own. */
async function signInFrom(
  baseURL: string,
  localAddress: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; retryAfter?: string }> {
  const http = await import('node:http');
  const call = (method: string, path: string, body?: string, cookie?: string) =>
    new Promise<{ status: number; headers: import('node:http').IncomingHttpHeaders; body: string }>(
      (resolve, reject) => {
        const req = http.request(
          new URL(path, baseURL),
          {
            method,
            localAddress,
            headers: {
              ...headers,
              ...(cookie ? { cookie } : {}),
              ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (c) => {
              text += c;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
  const csrf = await call('GET', '/api/auth/csrf');
  const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await call(
    'POST',
    '/api/auth/callback/credentials',
    new URLSearchParams({ ...form, csrfToken, json: 'true' }).toString(),
    cookie,
  );
  return { status: res.status, retryAfter: res.headers['retry-after'] as string | undefined };
}

test('the per-IP limit counts the socket address: a new X-Forwarded-For per attempt does not reset it', async ({
  baseURL,
}) => {
  // 21 sign-ins, each a bcrypt comparison on a shared machine.
  test.setTimeout(240_000);
  // 127.0.0.0/8 is all loopback on Linux: this test's failures are counted against an address of its own.
  const source = `127.0.0.${10 + Math.floor(Math.random() * 200)}`;
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const { status } = await signInFrom(
      baseURL ?? '',
      source,
      { email: uniqueEmail(`spray${attempt}`), password: 'wrong' },
      { 'x-forwarded-for': `203.0.113.${attempt}` },
    );
    statuses.push(status);
  }
  expect(statuses.filter((s) => s === 429)).toEqual([]);
  const blocked = await signInFrom(
    baseURL ?? '',
    source,
    { email: uniqueEmail('spray-last'), password: 'wrong' },
    { 'x-forwarded-for': '198.51.100.77' },
  );
  expect(blocked.status).toBe(429);
  expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
});

test('signing in and out stays on the origin in use, even when it is not NEXTAUTH_URL’s', async ({
  browser,
  baseURL,
}) => {
  // The stack's NEXTAUTH_URL is http://127.0.0.1:<port>; the same server also answers as localhost.
  const other = (baseURL ?? '').replace('127.0.0.1', 'localhost');
  test.skip(other === baseURL, 'the app is not on 127.0.0.1');
  // A user of its own: signing out ends every session of that user.
  const admin = await adminPage(browser, baseURL);
  const email = uniqueEmail('origin');
  await createUser(admin.page, { email, role: 'viewer', password: 'temporary password 1' });
  await admin.context.close();
  const context = await browser.newContext({ baseURL: other, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/activity');
  await signIn(page, email, 'temporary password 1');
  expect(new URL(page.url()).origin).toBe(new URL(other).origin);
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/sign-in');
  expect(new URL(page.url()).origin).toBe(new URL(other).origin);
  await context.close();
});
