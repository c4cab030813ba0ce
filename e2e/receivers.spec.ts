/**
 * Managed receivers end to end: an admin creates one in the console, it becomes a phone number override
 * through the sandbox's Graph API (which verifies it live), the sandbox emits a signed event through Meta's
 * routing, and the inspector shows it arrive — without a reload — with the tier that routed it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';
import { noteSecret } from './support/secrets';

interface Fixture {
  apps: Array<{ id: string; secret: string; accessToken: string }>;
  scenarios: { phoneNumberTier: { phoneNumberId: string }; applicationTier: { phoneNumberId: string } };
}

async function fixtureOf(sandboxUrl: string): Promise<Fixture> {
  return (await (await fetch(`${sandboxUrl}/_sandbox/fixture`)).json()) as Fixture;
}

async function createReceiver(
  page: Page,
  name: string,
  verifyToken: string,
  appSecret: string,
  options: { requireMtls?: boolean } = {},
) {
  noteSecret(`receiver "${name}" verify token`, verifyToken);
  noteSecret(`receiver "${name}" app secret`, appSecret);
  await page.goto('/receivers');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Verify token').fill(verifyToken);
  await page.getByLabel('App secret').fill(appSecret);
  if (options.requireMtls) await page.getByLabel('Require mTLS').check();
  await page.getByRole('button', { name: 'Create receiver' }).click();
  const created = page.getByText('Created. Its callback URL is');
  await expect(created).toBeVisible();
  const url = (await created.locator('span.font-mono').textContent()) ?? '';
  expect(url).toMatch(/\/api\/hooks\/[0-9a-f-]{36}$/);
  return { url, id: url.split('/').at(-1) ?? '' };
}

test.describe('receivers as an admin', () => {
  test.use({ storageState: authFile('admin') });

  test('a sandbox event routed by the phone override appears live in the inspector', async ({
    page,
    sandbox,
  }) => {
    const fixture = sandbox.fixture;
    const app = fixture.apps[0];
    if (!app) throw new Error('no app in the fixture');
    const { phoneNumberId } = fixture.scenarios.phoneNumberTier;
    const receiver = await createReceiver(page, `Dublin ${Date.now()}`, 'e2e verify+token', app.secret);

    // The console wiring is the lead's; set the override straight through the sandbox's Graph API.
    await sandbox.graphPost(phoneNumberId, {
      webhook_configuration: { override_callback_uri: receiver.url, verify_token: 'e2e verify+token' },
    });

    await page.goto(`/receivers/${receiver.id}`);
    await expect(page.getByText('No deliveries match')).toBeVisible();
    await expect(page.getByTestId('delivery-counts')).toContainText('0 stored');
    // The control client throws unless the sandbox accepted the emission.
    await sandbox.control.emit({ phoneNumberId });

    const row = page.getByTestId('delivery-row').first();
    await expect(row).toBeVisible();
    await expect(row).toContainText('Stored');
    await expect(row).toContainText('Phone number override');
    await expect(row).toContainText(phoneNumberId);
    await expect(page.getByText('1 new delivery.')).toBeVisible();
    // The receiver's counts follow the live rows, without a reload.
    await expect(page.getByTestId('delivery-counts')).toContainText('1 stored');

    await row.getByRole('button', { name: 'View' }).click();
    await expect(page.locator('pre')).toContainText(`"phone_number_id": "${phoneNumberId}"`);
    await expect(page.getByText('x-hub-signature-256')).toBeVisible();

    const results = await new AxeBuilder({ page }).include('main').analyze();
    expect(results.violations).toEqual([]);
  });

  test('bad signatures are recorded as rejected and can be filtered', async ({ page, sandbox }) => {
    const fixture = sandbox.fixture;
    const receiver = await createReceiver(
      page,
      `Filters ${Date.now()}`,
      'e2e-verify-token',
      'not-the-app-secret',
    );
    const { phoneNumberId } = fixture.scenarios.phoneNumberTier;
    await sandbox.graphPost(phoneNumberId, {
      webhook_configuration: { override_callback_uri: receiver.url, verify_token: 'e2e-verify-token' },
    });
    // Signed with the app's real secret, which this receiver does not hold: 401, retried, all rejected.
    await sandbox.control.emit({ phoneNumberId, wait: true, retry: { maxAttempts: 2, baseDelayMs: 10 } });
    await page.goto(`/receivers/${receiver.id}?signature=invalid`);
    await expect(page.getByTestId('delivery-row')).toHaveCount(2);
    await expect(page.getByTestId('delivery-row').first()).toContainText('Rejected · bad signature');
    await page.getByLabel('Signature').selectOption('valid');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/signature=valid/);
    await expect(page.getByText('No deliveries match')).toBeVisible();
  });

  test('a receiver that requires mTLS refuses a delivery without a client certificate; inspector and settings show it', async ({
    page,
    sandbox,
  }) => {
    const fixture = await fixtureOf(sandbox.url);
    const [app] = fixture.apps;
    const name = `mTLS ${Date.now()}`;
    const receiver = await createReceiver(page, name, 'e2e-verify-token', app?.secret ?? '', {
      requireMtls: true,
    });
    const { phoneNumberId } = fixture.scenarios.phoneNumberTier;
    await sandbox.graphPost(phoneNumberId, {
      webhook_configuration: { override_callback_uri: receiver.url, verify_token: 'e2e-verify-token' },
    });
    // The test stack serves plain HTTP, so no client certificate can come: refused (403) and recorded.
    await fetch(`${sandbox.url}/_sandbox/emit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phoneNumberId, wait: true, retry: { maxAttempts: 1 } }),
    });
    await page.goto(`/receivers/${receiver.id}`);
    await expect(
      page.getByText('Required: deliveries without a valid client certificate are refused'),
    ).toBeVisible();
    const row = page.getByTestId('delivery-row').first();
    await expect(row).toContainText('Rejected · no valid client certificate');
    const headers = await page.getByRole('columnheader').allTextContents();
    const certColumn = headers.indexOf('Client certificate');
    expect(certColumn).toBeGreaterThan(0);
    await expect(row.getByRole('cell').nth(certColumn)).toHaveText('None');

    // Turned off on the receiver page, the next delivery gets through and still shows none came.
    await page.getByLabel('Require mTLS').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('mTLS is no longer required.')).toBeVisible();
    await fetch(`${sandbox.url}/_sandbox/emit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phoneNumberId, wait: true, retry: { maxAttempts: 1 } }),
    });
    await page.reload();
    await expect(page.getByTestId('delivery-row').first()).toContainText('Stored');

    await page.goto('/settings');
    const mtls = page.getByTestId('mtls-settings');
    await expect(mtls).toContainText("Graph does not expose the App Dashboard's mTLS toggle");
    const summary = mtls.getByRole('row', { name: new RegExp(name) });
    await expect(summary).toContainText('Latest 2: 0 valid · 0 invalid · 2 without');
    await expect(summary).toContainText('Never');
  });

  test('rotate the secret, then delete with a confirmation that names the receiver', async ({ page }) => {
    const receiver = await createReceiver(
      page,
      `Rotate ${Date.now()}`,
      'e2e-verify-token',
      'first-app-secret',
    );
    await page.goto(`/receivers/${receiver.id}`);
    await page.getByLabel('New app secret').fill('second-app-secret');
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await expect(page.getByText(/Rotated\. The new secret verifies now/)).toBeVisible();
    await expect(page.getByText(/previous secret still verifies until/)).toBeVisible();

    await page.getByRole('button', { name: 'Delete receiver' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(receiver.url);
    await dialog.getByRole('button', { name: 'Delete receiver' }).click();
    await expect(page).toHaveURL(/\/receivers$/);
    const gone = await fetch(
      `${receiver.url}?hub.mode=subscribe&hub.verify_token=e2e-verify-token&hub.challenge=1`,
    );
    expect(gone.status).toBe(404);
  });
});

test.describe('receiver forms: hints and errors', () => {
  test.use({ storageState: authFile('admin') });

  test('hints are neutral before anything is typed; an error is red, has an icon and is announced', async ({
    page,
  }) => {
    await page.goto('/receivers');
    const form = page.getByRole('form', { name: 'Add a receiver' });
    // The computed colour may be oklch (Tailwind 4); a canvas turns any CSS colour into sRGB channels.
    const colour = (el: import('@playwright/test').Locator) =>
      el.evaluate((e) => {
        const ctx = document.createElement('canvas').getContext('2d');
        if (!ctx) return '';
        ctx.fillStyle = getComputedStyle(e).color;
        ctx.fillRect(0, 0, 1, 1);
        const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
        return `rgb(${r}, ${g}, ${b})`;
      });
    const hint = form.locator('[data-field-hint]').first();
    await expect(hint).toHaveText(/What support staff will recognise/);
    // Slate text, not the red of an error: no red channel dominating.
    const [r, g, b] = ((await colour(hint)).match(/\d+/g) ?? []).map(Number);
    expect((r ?? 0) - Math.max(g ?? 0, b ?? 0), `hint colour rgb(${r}, ${g}, ${b})`).toBeLessThan(40);
    // Nothing in the error lines until a submit is refused.
    await expect(form.locator('[data-field-error]')).toHaveText(['', '', '']);

    await page.getByLabel('Name').fill('Hints check');
    await page.getByLabel('Verify token').fill('short');
    await page.getByLabel('App secret').fill('a-valid-looking-app-secret');
    await page.getByRole('button', { name: 'Create receiver' }).click();
    const tokenInput = page.getByLabel('Verify token');
    await expect(tokenInput).toHaveAttribute('aria-invalid', 'true');
    const errorId = ((await tokenInput.getAttribute('aria-describedby')) ?? '').split(' ').at(-1) ?? '';
    const error = page.locator(`[id="${errorId}"]`);
    await expect(error).not.toBeEmpty();
    await expect(error).toHaveAttribute('aria-live', 'polite');
    await expect(error.locator('svg')).toHaveCount(1);
    const [er, eg, eb] = ((await colour(error)).match(/\d+/g) ?? []).map(Number);
    expect((er ?? 0) - Math.max(eg ?? 0, eb ?? 0), `error colour rgb(${er}, ${eg}, ${eb})`).toBeGreaterThan(
      80,
    );
    // The hint is still there, still neutral, next to the error.
    const tokenHint = form.locator('[data-field-hint]').nth(1);
    await expect(tokenHint).toHaveText(/8\+ characters/);
    const [hr, hg, hb] = ((await colour(tokenHint)).match(/\d+/g) ?? []).map(Number);
    expect((hr ?? 0) - Math.max(hg ?? 0, hb ?? 0)).toBeLessThan(40);
  });
});

test.describe('receivers as a viewer', () => {
  test.use({ storageState: authFile('viewer') });

  test('cannot open receivers: deliveries carry customers’ messages', async ({ page }) => {
    await page.goto('/receivers');
    await expect(page.getByTestId('forbidden')).toContainText(
      'Reading webhook receivers and their deliveries needs the operator role.',
    );
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Receivers' }),
    ).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Create receiver' })).toHaveCount(0);
  });
});

test.describe('receivers as an operator', () => {
  test.use({ storageState: authFile('operator') });

  test('can read the list but not create, rotate or delete', async ({ page }) => {
    await page.goto('/receivers');
    await expect(page.getByRole('heading', { name: 'Receivers', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create receiver' })).toHaveCount(0);
  });
});
