/**
 * Overrides set by picking a managed receiver instead of typing a URL and token: an admin creates the
 * receiver, an operator picks it on a number's page, the app resolves its URL and verify token on the server,
 * the sandbox verifies it live against our own /api/hooks handshake, and *Send test event* shows the delivery
 * land there by the phone-number tier. The verify token must never reach the browser, in HTML or on the wire.
 */
import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { acceptedWrites, scenarios, thisAppSubscription, webhookConfiguration } from './support/console';
import { expect, type SandboxHandle, test } from './support/fixtures';
import { authFile, type DemoRole } from './support/roles';

interface Receiver {
  id: string;
  url: string;
  name: string;
  verifyToken: string;
}

async function appSecretOf(sandbox: SandboxHandle): Promise<string> {
  return sandbox.fixture.apps[0]?.secret ?? '';
}

async function pageAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({
    storageState: authFile(role),
    baseURL: process.env.E2E_APP_URL,
  });
  return context.newPage();
}

/** Creates a receiver through the admin console; its verify token is random so no other text can contain it. */
async function createReceiver(admin: Page, name: string, appSecret: string): Promise<Receiver> {
  const verifyToken = `picker+${randomBytes(9).toString('hex')}/tok`;
  await admin.goto('/receivers');
  await admin.getByLabel('Name').fill(name);
  await admin.getByLabel('Verify token').fill(verifyToken);
  await admin.getByLabel('App secret').fill(appSecret);
  await admin.getByRole('button', { name: 'Create receiver' }).click();
  const created = admin.getByText('Created. Its callback URL is');
  await expect(created).toBeVisible();
  const url = (await created.locator('span.font-mono').textContent()) ?? '';
  expect(url).toMatch(/\/api\/hooks\/[0-9a-f-]{36}$/);
  return { id: url.split('/').at(-1) ?? '', url, name, verifyToken };
}

/** Every request body and response body the page exchanges, to search for secrets afterwards. */
function recordTraffic(page: Page) {
  const pending: Promise<string>[] = [];
  page.on('request', (request) => pending.push(Promise.resolve(request.postData() ?? '')));
  page.on('response', (response) => pending.push(response.text().catch(() => '')));
  return async () => (await Promise.all(pending)).join('\n');
}

async function pickReceiver(page: Page, receiver: Receiver) {
  await page.getByLabel('Managed receiver', { exact: true }).check();
  await expect(page.getByLabel('Callback URL', { exact: true })).toBeHidden();
  await page.getByLabel('Receiver', { exact: true }).selectOption(receiver.id);
}

test.describe('picking a managed receiver', () => {
  // Two signed-in browsers, a live verification and a test event per test: more than the default minute on a
  // busy machine.
  test.describe.configure({ timeout: 150_000 });

  test('an operator sets a phone override to a receiver; a test event lands there by that tier', async ({
    browser,
    sandbox,
  }) => {
    const admin = await pageAs(browser, 'admin');
    const receiver = await createReceiver(admin, `Picker phone ${Date.now()}`, await appSecretOf(sandbox));
    await admin.context().close();

    const { phoneNumberId } = scenarios(sandbox).wabaTier;
    const page = await pageAs(browser, 'operator');
    const traffic = recordTraffic(page);
    await page.goto(`/numbers/${phoneNumberId}`);
    await page.getByRole('button', { name: 'Set phone override' }).click();
    await pickReceiver(page, receiver);
    // The picker's options carry the name and URL; the token is nowhere in the form.
    await expect(page.getByRole('option', { name: `${receiver.name} (${receiver.url})` })).toBeAttached();
    const results = await new AxeBuilder({ page }).include('#phone-override-form').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // Test callback checks the receiver's handshake with the token it holds, still server-side.
    await page.getByRole('button', { name: 'Test callback' }).click();
    await expect(page.getByTestId('preflight-result')).toContainText(
      'answered the verification request correctly',
    );
    expect(await sandbox.writes()).toEqual([]);

    await page.getByRole('button', { name: 'Save phone override' }).click();
    const outcome = page.getByTestId('phone-override-result').getByTestId('write-outcome');
    await expect(outcome).toHaveAttribute('data-outcome', 'applied');
    await expect(outcome.getByTestId('read-back')).toContainText(receiver.url);
    await expect(outcome.getByTestId('read-back')).toContainText(`Managed receiver ${receiver.name}`);

    // Graph itself now holds the receiver's URL, written once (the sandbox verified it against /api/hooks).
    expect((await webhookConfiguration(sandbox, phoneNumberId)).phone_number).toBe(receiver.url);
    expect((await acceptedWrites(sandbox)).map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /${sandbox.fixture.graphVersion}/${phoneNumberId}`,
    ]);

    // The ladder recognises the winning URL as the receiver.
    const phoneTier = page.locator('li[data-tier="phone_number"]');
    await expect(phoneTier).toHaveAttribute('data-wins', 'true');
    await expect(phoneTier.getByTestId('receiver-label')).toHaveText(`Managed receiver ${receiver.name}`);
    await expect(page.getByTestId('change-history').getByTestId('activity-row').first()).toContainText(
      'phone_override.set',
    );

    await page.getByRole('button', { name: 'Send test event' }).click();
    const target = page.getByTestId('test-event-targets').locator('li').first();
    await expect(target).toContainText('Delivered');
    await expect(target).toContainText('Phone number override');
    await expect(target).toContainText(receiver.url);
    await expect(target).toContainText(`Arrived at the managed receiver ${receiver.name}`);

    // Reload so the server-rendered page (with its change history) is searched too.
    await page.reload();
    await expect(page.locator('li[data-tier="phone_number"]').getByTestId('receiver-label')).toBeVisible();
    expect(await page.content()).not.toContain(receiver.verifyToken);
    expect(await traffic()).not.toContain(receiver.verifyToken);
    await page.context().close();
  });

  test('an admin sets a WABA override to a receiver', async ({ browser, sandbox }) => {
    const admin = await pageAs(browser, 'admin');
    const traffic = recordTraffic(admin);
    const receiver = await createReceiver(admin, `Picker WABA ${Date.now()}`, await appSecretOf(sandbox));
    const { wabaId } = scenarios(sandbox).applicationTier;

    await admin.goto(`/wabas/${wabaId}`);
    await admin.getByRole('button', { name: 'Set WABA override' }).click();
    await pickReceiver(admin, receiver);
    await admin.getByRole('button', { name: 'Save WABA override' }).click();
    await expect(admin.getByTestId('waba-override-result').getByTestId('write-outcome')).toHaveAttribute(
      'data-outcome',
      'applied',
    );
    expect((await thisAppSubscription(sandbox, wabaId))?.override_callback_uri).toBe(receiver.url);
    const facts = admin.getByTestId('waba-override');
    await expect(facts).toContainText(receiver.url);
    // Admins may open the receiver's inspector from the label.
    await expect(facts.getByRole('link', { name: receiver.name })).toHaveAttribute(
      'href',
      `/receivers/${receiver.id}`,
    );
    await admin.reload();
    expect(await admin.content()).not.toContain(receiver.verifyToken);
    // The creation form posted the token once, on purpose; after that it never travels back.
    const sent = (await traffic()).split(receiver.verifyToken);
    expect(sent.length).toBeLessThanOrEqual(2);
    await admin.context().close();
  });

  test('a receiver deleted after the form was opened is refused with nothing sent to Graph', async ({
    browser,
    sandbox,
  }) => {
    const admin = await pageAs(browser, 'admin');
    const receiver = await createReceiver(admin, `Picker gone ${Date.now()}`, 'any-app-secret');
    const { phoneNumberId } = scenarios(sandbox).wabaTier;
    const page = await pageAs(browser, 'operator');
    await page.goto(`/numbers/${phoneNumberId}`);
    await page.getByRole('button', { name: 'Set phone override' }).click();
    await pickReceiver(page, receiver);

    await admin.goto(`/receivers/${receiver.id}`);
    await admin.getByRole('button', { name: 'Delete receiver' }).click();
    await admin.getByRole('alertdialog').getByRole('button', { name: 'Delete receiver' }).click();
    await expect(admin).toHaveURL(/\/receivers$/);

    await page.getByRole('button', { name: 'Save phone override' }).click();
    await expect(page.getByText('This receiver no longer exists')).toBeVisible();
    await expect(page.getByLabel('Receiver', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect(await sandbox.writes()).toEqual([]);
    expect((await webhookConfiguration(sandbox, phoneNumberId)).phone_number).toBeUndefined();
    await admin.context().close();
    await page.context().close();
  });
});
