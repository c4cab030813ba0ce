/**
 * The everyday path: list WABAs → open one → open a number → set a phone override to a real local receiver
 * → Graph reports it as the winner → clear it → the number falls back to the WABA tier. Graph state is read
 * from the sandbox, never from the UI.
 */
import { acceptedWrites, fillOverride, scenarios, webhookConfiguration } from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

test.describe('as an operator', () => {
  test.use({ storageState: authFile('operator') });

  test('set a phone override to a receiver that answers, then clear it', async ({
    page,
    sandbox,
    receiver,
  }) => {
    const { phoneNumberId, wabaId } = scenarios(sandbox).wabaTier;
    const before = await webhookConfiguration(sandbox, phoneNumberId);
    expect(before.phone_number).toBeUndefined();
    expect(before.whatsapp_business_account).toBeTruthy();

    await page.goto('/wabas');
    await page.locator(`tr[data-waba-id="${wabaId}"]`).getByRole('link').click();
    await expect(page).toHaveURL(`/wabas/${wabaId}`);
    const row = page.locator(`tr[data-phone-number-id="${phoneNumberId}"]`);
    await expect(row).toHaveAttribute('data-winner', 'whatsapp_business_account');
    await row.getByRole('link').click();
    await expect(page).toHaveURL(`/numbers/${phoneNumberId}`);
    await expect(page.locator('li[data-tier="whatsapp_business_account"]')).toHaveAttribute(
      'data-wins',
      'true',
    );
    // The change log outlives sandbox resets, so count this test's rows from here.
    const history = page.getByTestId('change-history').getByTestId('activity-row');
    const historyBefore = await history.count();

    await page.getByRole('button', { name: 'Set phone override' }).click();
    await fillOverride(page, receiver.url('echo'), receiver.verifyToken);
    await page.getByRole('button', { name: 'Save phone override' }).click();
    const result = page.getByTestId('phone-override-result').getByTestId('write-outcome');
    await expect(result).toHaveAttribute('data-outcome', 'applied');
    await expect(result.getByTestId('read-back')).toContainText(receiver.url('echo'));

    // Graph itself now reports the override, and the receiver saw both verifications (ours and Meta's).
    expect((await webhookConfiguration(sandbox, phoneNumberId)).phone_number).toBe(receiver.url('echo'));
    expect(
      receiver.hits.filter((hit) => hit.path === '/echo' && hit.tokenMatched).length,
    ).toBeGreaterThanOrEqual(2);
    await expect(page.locator('li[data-tier="phone_number"]')).toHaveAttribute('data-wins', 'true');
    await expect(history).toHaveCount(Math.min(historyBefore + 1, 20));
    await expect(history.first()).toContainText('phone_override.set');

    await page.getByRole('button', { name: 'Clear phone override' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(
      `will fall back to the WABA override ${before.whatsapp_business_account}`,
    );
    await dialog.getByRole('button', { name: 'Clear phone override' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('clear-result').getByTestId('write-outcome')).toHaveAttribute(
      'data-outcome',
      'applied',
    );

    const after = await webhookConfiguration(sandbox, phoneNumberId);
    expect(after.phone_number).toBeUndefined();
    expect(after.whatsapp_business_account).toBe(before.whatsapp_business_account);
    await expect(page.locator('li[data-tier="whatsapp_business_account"]')).toHaveAttribute(
      'data-wins',
      'true',
    );
    expect((await acceptedWrites(sandbox)).map((call) => call.method)).toEqual(['POST', 'POST']);
  });

  test('the number and WABA pages read at 390 px without scrolling sideways', async ({ page, sandbox }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { phoneNumberId, wabaId } = scenarios(sandbox).phoneNumberTier;
    for (const path of [`/numbers/${phoneNumberId}`, `/wabas/${wabaId}`]) {
      await page.goto(path);
      // Once the delivery check has rendered, everything that loads after the page is on it.
      await expect(page.locator('[data-check]').first()).toBeVisible();
      if (path.startsWith('/numbers/')) {
        await expect(page.getByRole('button', { name: 'Send test event' })).toBeVisible();
      }
      const layout = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        // For the message: what reaches past the right edge, e.g. an absolutely positioned screen-reader
        // label in a scrolling table whose wrapper is not its containing block.
        past: [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
          .slice(-5)
          .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`),
      }));
      expect(
        layout.overflow,
        `${path} is wider than the screen: ${layout.past.join(' ')}`,
      ).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('every app on the WABA', () => {
  test.use({ storageState: authFile('operator') });

  test("shows both demo apps' winners; the second app's phone override changes only its own route", async ({
    page,
    sandbox,
    receiver,
  }) => {
    const [main, helpdesk] = sandbox.fixture.apps;
    if (!main || !helpdesk) throw new Error('the fixture needs two apps');
    const { phoneNumberId } = scenarios(sandbox).wabaTier;
    const mainBefore = await webhookConfiguration(sandbox, phoneNumberId, main);
    const helpdeskBefore = await webhookConfiguration(sandbox, phoneNumberId, helpdesk);
    expect(helpdeskBefore.phone_number).toBeUndefined();

    await page.goto(`/numbers/${phoneNumberId}`);
    const apps = page.getByRole('region', { name: "Every app's route" });
    const mainRow = apps.locator(`tr[data-app-id="${main.id}"]`);
    const helpdeskRow = apps.locator(`tr[data-app-id="${helpdesk.id}"]`);
    await expect(mainRow.locator('[data-tier]')).toHaveAttribute('data-tier', 'whatsapp_business_account');
    const helpdeskWinner = helpdeskBefore.whatsapp_business_account
      ? 'whatsapp_business_account'
      : 'application';
    await expect(helpdeskRow.locator('[data-tier]')).toHaveAttribute('data-tier', helpdeskWinner);
    const mainUrl = mainBefore.whatsapp_business_account ?? '';
    await expect(page.getByTestId('number-apps-summary')).toContainText(
      `reach 2 apps: ${main.name} → ${mainUrl}`,
    );

    await helpdeskRow.getByRole('link', { name: `Manage ${helpdesk.name}'s route` }).click();
    await expect(page).toHaveURL(`/numbers/${phoneNumberId}?app=${helpdesk.id}`);
    await expect(page.getByTestId('acting-app')).toContainText(helpdesk.name);
    await page.getByRole('button', { name: 'Set phone override' }).click();
    // The form says whose route it changes and what stays for the other app.
    await expect(page.getByTestId('others-stay')).toContainText(
      `Changes ${helpdesk.name}'s route only. ${main.name} still receives at ${mainUrl}.`,
    );
    await fillOverride(page, receiver.url('echo'), receiver.verifyToken);
    await page.getByRole('button', { name: 'Save phone override' }).click();
    const result = page.getByTestId('phone-override-result').getByTestId('write-outcome');
    await expect(result).toHaveAttribute('data-outcome', 'applied');

    // Graph: only the second app's webhook_configuration changed; the first app's route stays.
    expect((await webhookConfiguration(sandbox, phoneNumberId, helpdesk)).phone_number).toBe(
      receiver.url('echo'),
    );
    expect(await webhookConfiguration(sandbox, phoneNumberId, main)).toEqual(mainBefore);
    await expect(helpdeskRow.locator('[data-tier]')).toHaveAttribute('data-tier', 'phone_number');
    await expect(mainRow.locator('[data-tier]')).toHaveAttribute('data-tier', 'whatsapp_business_account');
    await sandbox.reset();
  });
});

test.describe('as a viewer', () => {
  test.use({ storageState: authFile('viewer') });

  test('sees the ladder but no way to change it', async ({ page, sandbox }) => {
    const { phoneNumberId } = scenarios(sandbox).phoneNumberTier;
    await page.goto(`/numbers/${phoneNumberId}`);
    await expect(page.locator('li[data-tier="phone_number"]')).toHaveAttribute('data-wins', 'true');
    await expect(page.getByRole('button', { name: /phone override/ })).toHaveCount(0);
    await expect(
      page.getByText('Your role can view this number but not change its overrides.'),
    ).toBeVisible();
  });
  test('Refresh re-reads the number from Graph: a change made outside the console shows, the page stays', async ({
    page,
    sandbox,
  }) => {
    const { phoneNumberId } = scenarios(sandbox).wabaTier;
    await page.goto(`/numbers/${phoneNumberId}`);
    const wins = (tier: string) => page.locator(`li[data-tier="${tier}"]`);
    await expect(wins('whatsapp_business_account')).toHaveAttribute('data-wins', 'true');
    // The delivery check loads its code after the page and still runs on open.
    await expect(page.locator('[data-check]').first()).toBeVisible();
    const readAt = page.getByTestId('read-at').locator('time');
    const firstRead = await readAt.getAttribute('datetime');

    const url = sandbox.fixture.receiverUrl;
    await sandbox.graphPost(`/${phoneNumberId}`, {
      webhook_configuration: { override_callback_uri: url, verify_token: 'switchboard-demo' },
    });
    // Nothing re-reads by itself: the page shows what Graph reported when it was read.
    await expect(wins('whatsapp_business_account')).toHaveAttribute('data-wins', 'true');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(wins('phone_number')).toHaveAttribute('data-wins', 'true');
    await expect(wins('phone_number')).toContainText(url);
    await expect(readAt).not.toHaveAttribute('datetime', firstRead ?? '');
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  });
});
