/**
 * Every way a phone override can be refused, and in each case proof from the sandbox's call log that no
 * write reached Graph (or, for Graph's own refusal, that Graph accepted none).
 */
import { acceptedWrites, fillOverride, scenarios, webhookConfiguration } from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

test.use({ storageState: authFile('operator') });

async function openForm(page: import('@playwright/test').Page, phoneNumberId: string) {
  await page.goto(`/numbers/${phoneNumberId}`);
  await page.getByRole('button', { name: /^(Set|Change) phone override$/ }).click();
}

test('a 201-character URL is refused next to the field and never sent', async ({
  page,
  sandbox,
  receiver,
}) => {
  const { phoneNumberId } = scenarios(sandbox).wabaTier;
  await openForm(page, phoneNumberId);
  const url = `https://example.com/${'a'.repeat(201 - 'https://example.com/'.length)}`;
  expect(url).toHaveLength(201);
  await fillOverride(page, url, receiver.verifyToken);
  await page.getByRole('button', { name: 'Save phone override' }).click();

  const field = page.getByLabel('Callback URL', { exact: true });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#phone-override-url-error')).toHaveText(
    'At most 200 characters (this one has 201).',
  );
  await expect(field).toBeFocused();
  expect(await sandbox.writes()).toEqual([]);
  expect(receiver.hits).toEqual([]);
});

test('an http:// URL that is not loopback is refused and never sent', async ({ page, sandbox, receiver }) => {
  const { phoneNumberId } = scenarios(sandbox).wabaTier;
  await openForm(page, phoneNumberId);
  await fillOverride(page, 'http://hooks.example.com/whatsapp', receiver.verifyToken);
  await page.getByRole('button', { name: 'Save phone override' }).click();
  await expect(page.locator('#phone-override-url-error')).toContainText('Use https://');
  // Test callback is refused the same way: no request leaves for a URL Meta would never call.
  await page.getByRole('button', { name: 'Test callback' }).click();
  await expect(page.getByTestId('preflight-result')).toHaveCount(0);
  expect(await sandbox.writes()).toEqual([]);
});

test('a receiver answering the wrong challenge fails preflight; nothing is written', async ({
  page,
  sandbox,
  receiver,
}) => {
  const { phoneNumberId } = scenarios(sandbox).wabaTier;
  const before = await webhookConfiguration(sandbox, phoneNumberId);
  await openForm(page, phoneNumberId);
  await fillOverride(page, receiver.url('wrong'), receiver.verifyToken);

  await page.getByRole('button', { name: 'Test callback' }).click();
  const tested = page.getByTestId('phone-override-result').getByTestId('preflight-result');
  await expect(tested).toContainText('The callback failed verification');
  await expect(tested).toContainText('Challenge echoedNo');

  await page.getByRole('button', { name: 'Save phone override' }).click();
  const outcome = page.getByTestId('phone-override-result').getByTestId('write-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'preflight_failed');
  await expect(outcome).toContainText('nothing was sent to Graph');
  await expect(outcome).toContainText('HTTP status200');

  expect(receiver.hits.filter((hit) => hit.path === '/wrong').length).toBe(2);
  expect(await sandbox.writes()).toEqual([]);
  expect(await webhookConfiguration(sandbox, phoneNumberId)).toEqual(before);
});

test('an unsubscribed WABA: Graph refuses (#100), Subscribe is offered inline and works', async ({
  page,
  sandbox,
  receiver,
}) => {
  const { phoneNumberId, wabaId } = scenarios(sandbox).unsubscribedWaba;
  const before = await webhookConfiguration(sandbox, phoneNumberId);
  await page.goto(`/numbers/${phoneNumberId}`);
  await expect(page.getByText(/This app is not subscribed to .+, so Meta sends none/)).toBeVisible();
  await page.getByRole('button', { name: /^(Set|Change) phone override$/ }).click();
  await fillOverride(page, receiver.url('echo'), receiver.verifyToken);
  await page.getByRole('button', { name: 'Save phone override' }).click();

  const outcome = page.getByTestId('phone-override-result').getByTestId('write-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', /graph_error|refused/);
  await expect(outcome).toContainText(/not subscribed/i);
  expect(await acceptedWrites(sandbox)).toEqual([]);
  expect(await webhookConfiguration(sandbox, phoneNumberId)).toEqual(before);

  await outcome.getByRole('button', { name: /^Subscribe this app to/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Subscribe' }).click();
  await expect(outcome.getByTestId('write-outcome')).toHaveAttribute('data-outcome', 'applied');
  const subscribed = await sandbox.graph<{ data: { whatsapp_business_api_data: { id: string } }[] }>(
    `/${wabaId}/subscribed_apps`,
  );
  expect(subscribed.data.map((entry) => String(entry.whatsapp_business_api_data.id))).toContain(
    sandbox.fixture.apps[0]?.id,
  );
});

test('a stale form is refused with the current value; nothing is overwritten', async ({
  page,
  sandbox,
  receiver,
}) => {
  const { phoneNumberId } = scenarios(sandbox).wabaTier;
  await openForm(page, phoneNumberId);
  await fillOverride(page, receiver.url('echo'), receiver.verifyToken);

  // Someone changes the override behind Switchboard's back after the page was loaded.
  const elsewhere = `${receiver.url('echo')}?set-by=someone-else`;
  await sandbox.graphPost(`/${phoneNumberId}`, {
    webhook_configuration: { override_callback_uri: elsewhere, verify_token: receiver.verifyToken },
  });
  const writesBefore = (await sandbox.writes()).length;

  await page.getByRole('button', { name: 'Save phone override' }).click();
  const outcome = page.getByTestId('phone-override-result').getByTestId('write-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'stale');
  await expect(outcome).toContainText(elsewhere);
  expect((await sandbox.writes()).length).toBe(writesBefore);
  expect((await webhookConfiguration(sandbox, phoneNumberId)).phone_number).toBe(elsewhere);

  // The form now carries the current value: submitting again is a deliberate overwrite and succeeds.
  await page.getByRole('button', { name: 'Save phone override' }).click();
  await expect(outcome).toHaveAttribute('data-outcome', 'applied');
  expect((await webhookConfiguration(sandbox, phoneNumberId)).phone_number).toBe(receiver.url('echo'));
});

test('crafted number and WABA ids, and unknown routes, answer the console’s 404 page with status 404', async ({
  page,
}) => {
  for (const path of [
    '/numbers/%ff%fe',
    '/numbers/%C0%AE%C0%AE',
    `/numbers/${'1'.repeat(65)}`,
    '/wabas/%ff',
    '/no-such-page',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found', level: 1 }), path).toBeVisible();
    await expect(page.getByRole('link', { name: 'overview' }), path).toBeVisible();
  }
});

test('a well-formed number or WABA id Graph does not know answers 404 with the console’s page saying so', async ({
  page,
  sandbox,
}) => {
  // Digits the proxy lets through, so the page itself must find out that nothing has this id.
  const known = scenarios(sandbox).wabaTier;
  for (const [path, heading, words] of [
    ['/numbers/999000111222', 'Phone number not found', 'No phone number with this id'],
    ['/wabas/999000111222', 'WABA not found', 'No WABA with this id'],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: heading, level: 1 }), path).toBeVisible();
    await expect(page.getByText(words), path).toBeVisible();
    // Inside the console: its header and navigation are there.
    await expect(page.getByRole('navigation', { name: 'Main' }), path).toBeVisible();
  }
  // A number that exists still answers 200 (the existence check must not turn real pages away).
  const ok = await page.goto(`/numbers/${known.phoneNumberId}`);
  expect(ok?.status()).toBe(200);
});
