/**
 * Issue 12's console fixes, each checked in the browser against the sandbox: subscribing asks first and names
 * where the numbers start delivering; the overview never says "Nothing needs attention" next to drift, its
 * counts open the audit, and it charts numbers per URL; URLs in the WABA's numbers table do not break
 * mid-word; destructive buttons look destructive; at 390 px the header fits, with a menu.
 */
import type { Page } from '@playwright/test';
import { fleetTruth, runScan } from './support/audit';
import {
  acceptedWrites,
  fillOverride,
  refreshOverview,
  scenarios,
  thisAppSubscription,
  type WebhookConfiguration,
} from './support/console';
import { expect, type SandboxHandle, test } from './support/fixtures';
import { authFile } from './support/roles';

test.use({ storageState: authFile('admin') });

/** Where each number of a WABA would deliver once this app subscribes, read straight from the sandbox. */
async function destinationsOnSubscribe(sandbox: SandboxHandle, wabaId: string) {
  const waba = await sandbox.graph<{
    phone_numbers: { data: { id: string; webhook_configuration?: WebhookConfiguration }[] };
  }>(`/${wabaId}?fields=phone_numbers{id,webhook_configuration}`);
  const appCallback = sandbox.fixture.apps[0]?.callbackUrl ?? '';
  const counts = new Map<string, number>();
  for (const number of waba.phone_numbers.data) {
    const url = number.webhook_configuration?.phone_number || appCallback;
    counts.set(url, (counts.get(url) ?? 0) + 1);
  }
  return { total: waba.phone_numbers.data.length, counts };
}

async function expectPreview(page: Page, sandbox: SandboxHandle, wabaId: string) {
  const { total, counts } = await destinationsOnSubscribe(sandbox, wabaId);
  const dialog = page.getByRole('alertdialog');
  const preview = dialog.getByTestId('subscribe-preview');
  await expect(preview).toContainText(`${total} numbers start receiving messages webhooks here`);
  expect(counts.has('https://labs.example.com/old-hook')).toBe(true);
  const items = preview.getByTestId('subscribe-destination');
  await expect(items).toHaveCount(counts.size);
  for (const [url, count] of counts) {
    await expect(items.filter({ hasText: url })).toContainText(`${count} number${count === 1 ? '' : 's'}`);
  }
  await expect(items.filter({ hasText: 'https://labs.example.com/old-hook' })).toContainText(
    'at their phone number override',
  );
  return dialog;
}

test.describe('item 2: subscribing asks first', () => {
  test('WABA page: Subscribe opens a confirmation naming the URLs; Cancel sends nothing', async ({
    page,
    sandbox,
  }) => {
    const { wabaId } = scenarios(sandbox).unsubscribedWaba;
    await page.goto(`/wabas/${wabaId}`);
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    const dialog = await expectPreview(page, sandbox, wabaId);
    expect(await acceptedWrites(sandbox)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await acceptedWrites(sandbox)).toEqual([]);
    expect(await thisAppSubscription(sandbox, wabaId)).toBeUndefined();

    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.getByTestId('subscription-result').getByTestId('write-outcome')).toHaveAttribute(
      'data-outcome',
      'applied',
    );
    expect(await thisAppSubscription(sandbox, wabaId)).toBeDefined();
  });

  test('number page: "Subscribe this app" confirms first, with the WABA’s numbers', async ({
    page,
    sandbox,
  }) => {
    const { wabaId, phoneNumberId } = scenarios(sandbox).unsubscribedWaba;
    await page.goto(`/numbers/${phoneNumberId}`);
    await page.getByRole('button', { name: /^Subscribe this app to/ }).click();
    const dialog = await expectPreview(page, sandbox, wabaId);
    expect(await acceptedWrites(sandbox)).toEqual([]);
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await expect(dialog).toBeHidden();
    // Subscribed: the number page re-reads Graph and the "not subscribed" alert (with the button) goes.
    await expect(page.getByText(/This app is not subscribed to .+, so Meta sends none/)).toHaveCount(0);
    expect(await thisAppSubscription(sandbox, wabaId)).toBeDefined();
  });
});

test.describe('item 5: the overview', () => {
  test('drift as the only problem: the drift alert shows and "Nothing needs attention" does not', async ({
    page,
    sandbox,
  }) => {
    // Make drift the only problem: subscribe the one unsubscribed WABA behind Switchboard's back.
    const { wabaId } = scenarios(sandbox).unsubscribedWaba;
    await sandbox.graphPost(`/${wabaId}/subscribed_apps`, {});
    const truth = await fleetTruth(sandbox);
    await page.goto('/audit');
    await runScan(page, truth.length);
    const { phoneNumberId } = scenarios(sandbox).applicationTier;
    await sandbox.graphPost(`/${phoneNumberId}`, {
      webhook_configuration: {
        override_callback_uri: `${(sandbox.fixture as unknown as { receiverUrl: string }).receiverUrl}?drift=${Date.now()}`,
        verify_token: 'switchboard-demo',
      },
    });
    await runScan(page, truth.length);

    await page.goto('/');
    await expect(page.getByTestId('drift-summary')).toContainText('1 number changed outside Switchboard');
    await expect(page.getByTestId('warning-unsubscribed')).toHaveCount(0);
    await expect(page.getByText('Nothing needs attention')).toHaveCount(0);
  });

  test('per-tier counts open the audit filtered to that tier; No delivery to the unsubscribed numbers', async ({
    page,
  }) => {
    await refreshOverview(page);
    for (const [label, winner] of [
      ['Phone number override', 'phone_number'],
      ['WABA override', 'whatsapp_business_account'],
      ['App callback', 'application'],
      ['No delivery', 'none'],
    ] as const) {
      await expect(
        page.getByRole('region', { name: 'Numbers by winning tier' }).getByRole('link', { name: label }),
      ).toHaveAttribute('href', `/audit?winner=${winner}`);
    }
    await page.getByRole('link', { name: 'No delivery', exact: true }).first().click();
    await expect(page).toHaveURL(/\/audit\?winner=none/);
  });

  test('numbers per effective URL, top 10, matching Graph', async ({ page, sandbox }) => {
    const truth = await fleetTruth(sandbox);
    const perUrl = new Map<string | null, number>();
    for (const row of truth) perUrl.set(row.url, (perUrl.get(row.url) ?? 0) + 1);
    const expected = [...perUrl].sort((a, b) => b[1] - a[1]);
    await refreshOverview(page);
    const groups = page.getByTestId('overview-url-group');
    await expect(groups).toHaveCount(Math.min(10, expected.length));
    const [topUrl, topCount] = expected[0] ?? [null, 0];
    await expect(groups.first().getByTestId('overview-url')).toHaveText(topUrl ?? 'No delivery');
    await expect(groups.first().getByTestId('overview-url-count')).toHaveText(`${topCount} numbers`);
    const none = groups.filter({ hasText: 'No delivery' });
    await expect(none.getByTestId('overview-url-count')).toHaveText(`${perUrl.get(null)} numbers`);
    await expect(none.getByRole('link')).toHaveAttribute('href', '/audit?winner=none');
    // The bars are proportional: the top one is full width, the others shorter.
    const widths = await groups
      .getByTestId('overview-url-bar')
      .evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().width));
    expect(Math.max(...widths)).toBe(widths[0]);
    expect(widths.at(-1)).toBeLessThan(widths[0] ?? 0);
  });
});

test.describe('item 8: tables and buttons', () => {
  test('URLs in the WABA’s numbers table stay on one line, full value on hover and focus', async ({
    page,
    sandbox,
  }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/wabas/${scenarios(sandbox).wabaTier.wabaId}`);
    const urls = page.getByRole('table', { name: /Phone numbers of/ }).getByTestId('truncated-url');
    // count() does not wait: wait for the table's first URL before counting and measuring them.
    const first = urls.first();
    await expect(first).toBeVisible();
    expect(await urls.count()).toBeGreaterThan(0);
    const full = (await first.textContent()) ?? '';
    await expect(first).toHaveAttribute('title', full);
    const lines = await urls.evaluateAll((nodes) =>
      nodes.map((n) => n.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(n).lineHeight)),
    );
    for (const count of lines) expect(count).toBeLessThan(1.5);
    await first.focus();
    await expect(first).toHaveCSS('white-space', 'normal');
  });

  test('Unsubscribe and other destructive triggers are styled apart from neutral buttons', async ({
    page,
    sandbox,
  }) => {
    await page.goto(`/wabas/${scenarios(sandbox).wabaTier.wabaId}`);
    const color = (name: string) =>
      page.getByRole('button', { name, exact: true }).evaluate((b) => getComputedStyle(b).color);
    const neutral = await color('Change WABA override');
    expect(await color('Unsubscribe')).not.toBe(neutral);
    expect(await color('Clear WABA override')).not.toBe(neutral);
    expect(await color('Unsubscribe')).toBe(await color('Clear WABA override'));
  });

  test('at 390 px the header fits and Sign out is in a menu', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    const header = page.locator('header').first();
    expect(await header.evaluate((h) => h.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'true');
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await expect(signOut).toBeVisible();
    const box = await signOut.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await expect(page).toHaveURL(/\/audit/);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  });
});

test.describe('item 4: bulk re-routing says what it overwrites', () => {
  test('the review names the numbers whose own phone override is replaced; the result shows before → after', async ({
    page,
    sandbox,
    receiver,
  }) => {
    const truth = await fleetTruth(sandbox);
    const overridden = truth.filter((r) => r.winner === 'phone_number');
    expect(overridden.length).toBeGreaterThanOrEqual(2);
    // The audit lists every configured app's routes; this picks the default app's rows (and so its bulk job).
    await page.goto(`/audit?winner=phone_number&app=${sandbox.fixture.apps[0]?.id}`);
    await runScan(page, truth.length);
    await expect(page.getByTestId('audit-total')).toHaveText(`${overridden.length} numbers`);

    await page.getByRole('button', { name: `Re-route ${overridden.length} numbers…` }).click();
    const dialog = page.getByRole('alertdialog');
    const url = receiver.url('echo');
    await dialog.getByLabel('New callback URL').fill(url);
    await dialog.getByLabel('Verify token').fill(receiver.verifyToken);
    await dialog.getByRole('button', { name: 'Review' }).click();
    const replaced = dialog.getByTestId('bulk-replaced');
    await expect(replaced).toContainText(
      `${overridden.length} numbers have their own phone number override now, which will be replaced`,
    );
    for (const row of overridden) {
      await expect(replaced.locator(`[data-phone-number-id="${row.phoneNumberId}"]`)).toContainText(
        row.url ?? '',
      );
    }

    await dialog.getByRole('button', { name: `Re-route ${overridden.length} numbers` }).click();
    await expect(page).toHaveURL(/\/audit\/bulk\//);
    await expect(page.getByTestId('bulk-counts')).toContainText(`${overridden.length} applied`, {
      timeout: 30_000,
    });
    for (const row of overridden) {
      const item = page.locator('[data-testid="bulk-item"]').filter({
        has: page.locator(`a[href="/numbers/${row.phoneNumberId}"]`),
      });
      await expect(item.getByTestId('bulk-item-before')).toHaveText(`Before: ${row.url}`);
      await expect(item.getByTestId('bulk-item-after')).toHaveText(`After, as Graph reports it now: ${url}`);
    }
  });
});

test.describe('item 6: activity reads as sentences', () => {
  test('a phone override change: a sentence naming the number and its WABA, the URL before → after, the raw record', async ({
    page,
    sandbox,
    receiver,
  }) => {
    const { phoneNumberId, wabaId } = scenarios(sandbox).phoneNumberTier;
    const truth = await fleetTruth(sandbox);
    // Names come from the latest audit: scan once so this number and its WABA are known.
    await page.goto('/audit');
    await runScan(page, truth.length);
    const before = truth.find((r) => r.phoneNumberId === phoneNumberId)?.url ?? '';
    const number = await sandbox.graph<{ display_phone_number: string }>(
      `/${phoneNumberId}?fields=display_phone_number`,
    );
    const waba = await sandbox.graph<{ name: string }>(`/${wabaId}?fields=name`);

    await page.goto(`/numbers/${phoneNumberId}`);
    await page.getByRole('button', { name: 'Change phone override' }).click();
    const url = receiver.url('echo');
    await fillOverride(page, url, receiver.verifyToken);
    await page.getByRole('button', { name: 'Save phone override' }).click();
    await expect(page.getByTestId('phone-override-result').getByTestId('write-outcome')).toHaveAttribute(
      'data-outcome',
      'applied',
    );

    await page.goto(`/activity?action=phone_override.set&targetType=phone_number&targetId=${phoneNumberId}`);
    const row = page.getByTestId('activity-row').first();
    await expect(row.getByTestId('activity-sentence')).toHaveText(
      `Set phone number override of ${number.display_phone_number} (${waba.name}) to ${url}`,
    );
    await expect(row.getByTestId('activity-url-before')).toHaveText(before);
    await expect(row.getByTestId('activity-url-after')).toHaveText(url);
    // Long URLs wrap only where they must, never break-all mid-word.
    await expect(row.getByTestId('activity-url-diff')).toHaveCSS('word-break', 'normal');
    await expect(row.getByTestId('activity-sentence')).toHaveCSS('word-break', 'normal');
    // The raw record is one click away.
    await row.getByText('Raw record').click();
    await expect(row.locator('pre').first()).toBeVisible();
    await expect(row.locator('pre').first()).toContainText('phone_number');
  });
});
