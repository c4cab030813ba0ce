/**
 * A write Graph accepted whose read-back failed: the console says "applied, not verified" (never "refused"),
 * and "Read again" shows what Graph reports once reads work again. Faults come from the sandbox.
 */
import { fillOverride, scenarios, webhookConfiguration } from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

test.use({ storageState: authFile('operator') });

test('a phone override whose read-back failed is applied, not verified, and Read again confirms it', async ({
  page,
  sandbox,
  receiver,
}) => {
  const { phoneNumberId } = scenarios(sandbox).wabaTier;
  const url = receiver.url('echo');
  await page.goto(`/numbers/${phoneNumberId}`);
  await page.getByRole('button', { name: 'Set phone override' }).click();
  await fillOverride(page, url, receiver.verifyToken);
  // The write goes through; every read of this number after it fails (the app's client retries reads).
  await sandbox.control.faults({ afterWrite: true, count: 50, pathPattern: phoneNumberId });
  try {
    await page.getByRole('button', { name: 'Save phone override' }).click();
    const result = page.getByTestId('phone-override-result').getByTestId('write-outcome');
    // The client retries the failing read-back with backoff (GRAPH_MAX_RETRIES) before it gives up, so the
    // outcome can take longer than the default 10 s to appear on a loaded machine.
    await expect(result).toHaveAttribute('data-outcome', 'unverified', { timeout: 30_000 });
    await expect(result).toContainText(
      'Applied, not verified: Graph accepted the change but reading it back failed',
    );
    await expect(result).not.toContainText('refused');

    await sandbox.control.clearFaults();
    // Graph did apply it.
    expect((await webhookConfiguration(sandbox, phoneNumberId)).phone_number).toBe(url);
    await result.getByRole('button', { name: 'Read again' }).click();
    const reread = result.getByTestId('read-again-result');
    await expect(reread).toContainText(`Graph now reports ${url}: what you asked for.`);
    await expect(reread.locator('[data-verified]')).toHaveAttribute('data-verified', 'yes');
  } finally {
    await sandbox.control.clearFaults();
  }
});
