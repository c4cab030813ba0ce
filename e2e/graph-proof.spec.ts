/**
 * With META_APP_SECRET set (as the test stack sets it), every Graph call Switchboard makes carries a valid
 * appsecret_proof: the sandbox checks each one and records the verdict in its call log.
 */
import { fillOverride, refreshOverview, scenarios } from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

test.use({ storageState: authFile('admin') });

test("every one of Switchboard's Graph calls carries a valid appsecret_proof", async ({
  page,
  sandbox,
  receiver,
}) => {
  const { phoneNumberTier, wabaTier } = scenarios(sandbox);
  // The overview reads the audit snapshot: its scan is one of the app's Graph reads.
  await refreshOverview(page);
  await expect(page.getByTestId('count-numbers')).not.toBeEmpty();
  await page.goto('/wabas');
  await page.goto(`/wabas/${wabaTier.wabaId}`);
  await page.goto(`/numbers/${phoneNumberTier.phoneNumberId}`);
  await page.goto(`/numbers/${wabaTier.phoneNumberId}`);
  await page.getByRole('button', { name: 'Set phone override' }).click();
  await fillOverride(page, receiver.url('echo'), receiver.verifyToken);
  await page.getByRole('button', { name: 'Save phone override' }).click();
  await expect(page.getByTestId('write-outcome')).toHaveAttribute('data-outcome', 'applied');
  await page.goto('/settings');

  // The call log as the sandbox recorded it (this test makes no Graph reads of its own, which would carry no proof).
  const calls = await sandbox.control.calls();
  expect(calls.some((call) => call.method === 'POST')).toBe(true);
  expect(calls.length).toBeGreaterThan(5);
  const unproved = calls.filter((call) => call.appsecretProof !== 'valid');
  expect(unproved, JSON.stringify(unproved)).toEqual([]);
});
