/**
 * The On-Premises page against the sandbox's Coreapps: register a deployment, read its live settings, change
 * the webhook URL with a confirmation that names the change and a read-back; then the migration bridge carries
 * a deployment's URL over as a number's phone override. Coreapp and Graph state are read from the sandbox.
 */
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { webhookConfiguration } from './support/console';
import { expect, type SandboxHandle, test } from './support/fixtures';
import { authFile } from './support/roles';

interface Deployment {
  id: string;
  label: string;
  baseUrl: string;
  username: string;
  password: string;
  phoneNumberIds: string[];
  settings: { webhooks: { url: string; message: { read: boolean } } };
}

async function deployments(sandbox: SandboxHandle): Promise<Deployment[]> {
  return sandbox.control.coreappDeployments();
}

async function deployment(sandbox: SandboxHandle, id: string): Promise<Deployment> {
  const found = (await deployments(sandbox)).find((d) => d.id === id);
  if (!found) throw new Error(`no Coreapp ${id} in the sandbox`);
  return found;
}

/** Registers through the form unless an earlier run in this database already did. */
async function register(page: Page, d: Deployment) {
  await page.goto('/on-premises');
  const card = page.getByTestId('onprem-deployment').filter({ hasText: d.label });
  if ((await card.count()) > 0) return card;
  const form = page.getByRole('form', { name: 'Register an On-Premises deployment' });
  await form.getByLabel('Name').fill(d.label);
  await form.getByLabel('Base URL').fill(d.baseUrl);
  await form.getByLabel('Admin user').fill(d.username);
  await form.getByLabel('Admin password').fill(d.password);
  await form.getByLabel('Phone number ids it served').fill(d.phoneNumberIds.join('\n'));
  await form.getByRole('button', { name: 'Register deployment' }).click();
  await expect(form.getByText('Registered.')).toBeVisible();
  await expect(card).toBeVisible();
  return card;
}

test.describe('as an admin', () => {
  test.use({ storageState: authFile('admin') });

  test('register a Coreapp, see its settings, change the webhook URL with confirmation and read-back', async ({
    page,
    sandbox,
    receiver,
  }) => {
    const eu = await deployment(sandbox, 'acme-eu');
    const card = await register(page, eu);
    await expect(page.getByTestId('onprem-sunset')).toContainText('23 October 2025');
    const facts = card.getByTestId('onprem-settings');
    await expect(facts.locator('[data-setting="webhookUrl"]')).toHaveText(
      'https://onprem-eu.example.com/whatsapp',
    );
    await expect(facts.locator('[data-setting="callbackBackoffDelayMs"]')).toHaveText('3000');
    // The password is never shown again.
    await expect(page.locator('body')).not.toContainText(eu.password);

    const newUrl = receiver.url('echo');
    await card.getByLabel('Webhook URL').fill(newUrl);
    await card.getByLabel(/Read status/).check();
    await card.getByRole('button', { name: 'Review and save…' }).click();
    const dialog = page.getByRole('alertdialog');
    const changes = dialog.getByTestId('onprem-confirm-changes');
    await expect(changes).toContainText(`https://onprem-eu.example.com/whatsapp → ${newUrl}`);
    await expect(changes).toContainText('Read status (webhooks.message.read): off → on');
    await expect(changes.locator('li')).toHaveCount(2);
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect(dialog).toBeHidden();

    const readBack = card.getByTestId('onprem-read-back');
    await expect(readBack.locator('[data-setting="webhookUrl"]')).toHaveText(newUrl);
    await expect(readBack.locator('[data-setting="messageRead"]')).toHaveText('on');
    // The Coreapp itself holds the new values.
    const after = await deployment(sandbox, 'acme-eu');
    expect(after.settings.webhooks.url).toBe(newUrl);
    expect(after.settings.webhooks.message.read).toBe(true);

    await page.goto('/activity');
    await expect(page.getByTestId('activity-row').first()).toContainText('onprem_webhook.set');
  });

  test('a refused URL is explained under the field and nothing reaches the Coreapp', async ({
    page,
    sandbox,
  }) => {
    const eu = await deployment(sandbox, 'acme-eu');
    const card = await register(page, eu);
    await card.getByLabel('Webhook URL').fill('http://hooks.example.com/plain');
    await card.getByRole('button', { name: 'Review and save…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Save settings' }).click();
    await expect(card.getByText('http:// is accepted here only for localhost')).toBeVisible();
    expect((await deployment(sandbox, 'acme-eu')).settings.webhooks.url).toBe(
      'https://onprem-eu.example.com/whatsapp',
    );
  });

  test("carry a deployment's webhook URL over as a number's phone override", async ({
    page,
    sandbox,
    receiver,
  }) => {
    const us = await deployment(sandbox, 'acme-us');
    // The Coreapp used a receiver that answers Meta's verification (set behind Switchboard's back).
    const basic = Buffer.from(`${us.username}:${us.password}`).toString('base64');
    const login = await fetch(`${us.baseUrl}/v1/users/login`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}` },
    });
    const { users } = (await login.json()) as { users: Array<{ token: string }> };
    const url = receiver.url('echo');
    const patched = await fetch(`${us.baseUrl}/v1/settings/application`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${users[0]?.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ webhooks: { url } }),
    });
    expect(patched.status).toBe(200);

    const card = await register(page, us);
    await page.reload();
    const [ready, second, onPremises] = us.phoneNumberIds as [string, string, string];
    const row = card.getByTestId(`bridge-${ready}`);
    await expect(row).toHaveAttribute('data-status', 'ready');
    await expect(card.getByTestId(`bridge-${second}`)).toHaveAttribute('data-status', 'ready');
    await expect(card.getByTestId(`bridge-${onPremises}`)).toHaveAttribute('data-status', 'on_premises');
    await expect(card.getByTestId(`bridge-${onPremises}`)).toContainText(
      'Migrate the number to the Cloud API first',
    );

    await row.getByLabel(/Verify token/).fill(receiver.verifyToken);
    await row.getByRole('button', { name: 'Carry over…' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(url);
    await expect(dialog).toContainText('Acme US Coreapp');
    await dialog.getByRole('button', { name: 'Carry over' }).click();
    await expect(dialog).toBeHidden();

    // Read back from Graph: the row now reports the override, and so does the sandbox.
    await expect(row).toHaveAttribute('data-status', 'carried');
    await expect(row).toContainText(url);
    expect((await webhookConfiguration(sandbox, ready)).phone_number).toBe(url);
    expect((await webhookConfiguration(sandbox, second)).phone_number).toBeUndefined();

    // The rest of the deployment in one go: the other ready number; the On-Premises one is skipped.
    await card.getByLabel(/^Verify token$/).fill(receiver.verifyToken);
    await card.getByRole('button', { name: 'Carry over all ready numbers…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Carry over' }).click();
    await expect(card.getByTestId(`bridge-${second}`)).toHaveAttribute('data-status', 'carried');
    expect((await webhookConfiguration(sandbox, second)).phone_number).toBe(url);
    expect((await webhookConfiguration(sandbox, onPremises)).phone_number).toBeUndefined();
  });
});

test.describe('accessibility', () => {
  test.use({ storageState: authFile('admin') });

  test('the page and its confirmation have no serious axe violations', async ({ page, sandbox }) => {
    const card = await register(page, await deployment(sandbox, 'acme-eu'));
    await expectNoSeriousViolations(page, 'On-Premises page');
    await card.getByLabel(/Read status/).check();
    await card.getByRole('button', { name: 'Review and save…' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectNoSeriousViolations(page, 'settings confirmation');
  });
});

test.describe('as an operator', () => {
  test.use({ storageState: authFile('operator') });

  test('reads the page but cannot register or change settings', async ({ page }) => {
    await page.goto('/on-premises');
    await expect(page.getByRole('heading', { name: 'On-Premises', level: 1 })).toBeVisible();
    await expect(page.getByTestId('onprem-sunset')).toBeVisible();
    await expect(page.getByRole('form', { name: 'Register an On-Premises deployment' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Review and save…' })).toHaveCount(0);
  });
});
