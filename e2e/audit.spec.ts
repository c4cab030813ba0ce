/**
 * The fleet audit in the browser: a scan with a live progress bar, filters, the group-by-URL view and CSV
 * export checked against what Graph (the sandbox) reports; drift after a change made behind Switchboard's back;
 * and a small bulk re-route with confirmation, a partial failure, a retry, and every number verified on Graph.
 */
import { readFile } from 'node:fs/promises';
import { auditTotal, fleetTruth, runScan, setFaults } from './support/audit';
import { scenarios, webhookConfiguration } from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

test.use({ storageState: authFile('admin') });

test('scan with progress, filter by winning tier, group by URL, export CSV', async ({ page, sandbox }) => {
  // The demo configures two apps: the scan reads both, one row per number and app.
  const mine = await fleetTruth(sandbox);
  const truth = [...mine, ...(await fleetTruth(sandbox, sandbox.fixture.apps[1]))];
  // Slow Graph down so the progress bar is seen while the scan runs.
  await setFaults(sandbox, { latencyMs: 1_500 });
  await page.goto('/audit');
  await page.getByRole('button', { name: 'Refresh audit' }).click();
  const progress = page.getByTestId('scan-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar', { name: 'Audit scan progress' })).toBeVisible();
  await expect(progress.getByTestId('scan-calls')).toContainText('Graph calls used');
  await expect(progress).toBeHidden({ timeout: 30_000 });
  await setFaults(sandbox, {});
  await expect(page.getByTestId('snapshot-time')).toContainText(`${mine.length} numbers`);
  await expect(page.getByTestId('audit-total')).toHaveText(auditTotal(truth.length, 2));

  // Filter by winning tier: the URL carries it, and every row shown wins on that tier.
  const viaWaba = truth.filter((r) => r.winner === 'whatsapp_business_account');
  await page.getByLabel('Winning tier').selectOption('whatsapp_business_account');
  await expect(page).toHaveURL(/winner=whatsapp_business_account/);
  await expect(page.getByTestId('audit-total')).toHaveText(auditTotal(viaWaba.length, 2));
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(viaWaba.length);
  for (const id of await rows.evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-phone-number-id')),
  )) {
    expect(viaWaba.map((r) => r.phoneNumberId)).toContain(id);
  }
  await expect(rows.locator('[data-tier="whatsapp_business_account"]')).toHaveCount(viaWaba.length);

  // No delivery: unsubscribed WABAs and numbers with no URL on any tier.
  await page.getByLabel('Winning tier').selectOption('none');
  await expect(page.getByTestId('audit-total')).toHaveText(
    auditTotal(truth.filter((r) => r.winner === null).length, 2),
  );
  await page.getByLabel('Winning tier').selectOption('');
  await expect(page.getByTestId('audit-total')).toHaveText(auditTotal(truth.length, 2));

  // Group by URL: one bar per destination, counts as Graph reports them.
  await page.getByRole('tab', { name: 'Group by URL' }).click();
  const groups = page.getByTestId('url-group');
  const expected = new Map<string, number>();
  for (const r of truth)
    expected.set(r.url ?? 'No delivery', (expected.get(r.url ?? 'No delivery') ?? 0) + 1);
  await expect(groups).toHaveCount(expected.size);
  for (const group of await groups.all()) {
    const url = (await group.getByTestId('url-group-url').textContent()) ?? '';
    const n = expected.get(url);
    await expect(group.getByTestId('url-group-count')).toHaveText(`${n} ${n === 1 ? 'number' : 'numbers'}`);
  }
  // "Show numbers" on the biggest group filters the table to exactly that URL.
  const [bigUrl, bigCount] = [...expected.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  await groups.first().getByRole('button', { name: 'Show numbers' }).click();
  await expect(page.getByTestId('audit-total')).toHaveText(auditTotal(bigCount, 2));
  // The URL names exactly that callback (read back decoded: nuqs leaves `:` and `/` unescaped).
  if (bigUrl !== 'No delivery') await expect(page).toHaveURL((u) => u.searchParams.get('url') === bigUrl);

  // CSV export of the whole snapshot.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const csv = await readFile((await (await download).path()) ?? '', 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toContain('phone_number_id');
  expect(lines).toHaveLength(truth.length + 1);
  const sample = truth.find((r) => r.winner === 'phone_number');
  const line = lines.find((l) => l.includes(`,${sample?.phoneNumberId},`));
  expect(line).toContain(',phone_number,');
  expect(line).toContain(sample?.url ?? '(none)');
});

test('every app: an App column, an App filter with a removable chip, groups naming their apps', async ({
  page,
  sandbox,
}) => {
  const [main, helpdesk] = sandbox.fixture.apps;
  if (!main || !helpdesk) throw new Error('the fixture lacks two apps');
  const mine = await fleetTruth(sandbox);
  const theirs = await fleetTruth(sandbox, helpdesk);
  await page.goto('/audit');
  await runScan(page, mine.length);
  await expect(page.getByTestId('snapshot-apps')).toHaveText(`2 apps (${main.name}, ${helpdesk.name})`);
  await expect(page.getByTestId('audit-total')).toHaveText(auditTotal(mine.length + theirs.length, 2));

  // The helpdesk's own phone override: its row wins on it, the default app's row of the number does not.
  const phoneNumberId = scenarios(sandbox).sharedWaba.secondAppPhoneNumberId ?? '';
  const theirRoute = theirs.find((r) => r.phoneNumberId === phoneNumberId);
  expect(theirRoute?.winner).toBe('phone_number');
  await page.getByLabel('App', { exact: true }).selectOption(helpdesk.id);
  await expect(page).toHaveURL((u) => u.searchParams.get('app') === helpdesk.id);
  await expect(page.getByTestId('audit-total')).toHaveText(auditTotal(theirs.length));
  const chip = page.getByTestId('audit-app-filter');
  await expect(chip).toHaveText(`App: ${helpdesk.name}`);
  await page.getByLabel('WABA name or id').fill(scenarios(sandbox).sharedWaba.wabaId);
  await page.getByRole('button', { name: 'Apply' }).click();
  const row = page.locator(`tr[data-phone-number-id="${phoneNumberId}"]`);
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-app-id', helpdesk.id);
  await expect(row.getByTestId('audit-app')).toContainText(helpdesk.name);
  await expect(row.locator('[data-tier="phone_number"]')).toBeVisible();
  // Its number link opens the number page acting as the helpdesk.
  await expect(row.getByRole('link').first()).toHaveAttribute(
    'href',
    `/numbers/${phoneNumberId}?app=${helpdesk.id}`,
  );

  // Removing the chip shows every app's row of the number again, each with its own winner.
  await chip.getByRole('button', { name: 'Remove the app filter' }).click();
  await expect(page).toHaveURL((u) => !u.searchParams.has('app'));
  await expect(row).toHaveCount(2);
  const mainRow = row.and(page.locator(`[data-app-id="${main.id}"]`));
  await expect(mainRow.getByTestId('audit-app')).toContainText(main.name);
  await expect(mainRow.locator('[data-tier="phone_number"]')).toHaveCount(0);

  // Grouped by URL across apps: the group of the helpdesk's override URL names the apps whose copies go there.
  await page.getByRole('tab', { name: 'Group by URL' }).click();
  const url = theirRoute?.url ?? '';
  const reaching = [
    [helpdesk.name, theirs.filter((r) => r.url === url).length],
    [main.name, mine.filter((r) => r.url === url).length],
  ] as const;
  const expected = reaching
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name}: ${n} ${n === 1 ? 'number' : 'numbers'}`)
    .join(' · ');
  const group = page
    .getByTestId('url-group')
    .filter({ has: page.getByTestId('url-group-url').getByText(url, { exact: true }) });
  await expect(group.getByTestId('url-group-apps')).toHaveText(expected);
});

test('drift: a change made directly on Graph is flagged as changed outside Switchboard', async ({
  page,
  sandbox,
}) => {
  const truth = await fleetTruth(sandbox);
  const { phoneNumberId } = scenarios(sandbox).applicationTier;
  await page.goto('/audit');
  await runScan(page, truth.length);

  const receiverUrl = sandbox.fixture.receiverUrl;
  await sandbox.graphPost(`/${phoneNumberId}`, {
    webhook_configuration: { override_callback_uri: receiverUrl, verify_token: 'switchboard-demo' },
  });
  await runScan(page, truth.length);

  const notice = page.getByTestId('drift-notice');
  await expect(notice).toContainText('1 number changed outside Switchboard');
  await notice.getByRole('button', { name: 'Show them' }).click();
  await expect(page).toHaveURL(/drift=1/);
  const row = page.getByTestId('audit-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-phone-number-id', phoneNumberId);
  await expect(row.locator('[data-drift="outside"]')).toHaveText('Changed outside Switchboard');
  await expect(row.locator('[data-tier="phone_number"]')).toBeVisible();
});

test('bulk re-route a selection: confirmation, per-number outcomes, a failure retried', async ({
  page,
  sandbox,
  receiver,
}) => {
  const truth = await fleetTruth(sandbox);
  const { wabaId } = scenarios(sandbox).applicationTier;
  const selected = truth.filter((r) => r.wabaId === wabaId && r.winner === 'application');
  expect(selected.length).toBeGreaterThanOrEqual(2);
  await page.goto('/audit');
  await runScan(page, truth.length);

  await page.getByLabel('WABA name or id').fill(wabaId);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByLabel('Winning tier').selectOption('application');
  // Only the default app's rows win on its callback here; the button counts that app's numbers.
  await expect(page.getByTestId('audit-total')).toHaveText(auditTotal(selected.length, 2));

  await page.getByRole('button', { name: `Re-route ${selected.length} numbers…` }).click();
  const dialog = page.getByRole('alertdialog');
  const url = receiver.url('echo');
  await dialog.getByLabel('New callback URL').fill(url);
  await dialog.getByLabel('Verify token').fill(receiver.verifyToken);
  await dialog.getByRole('button', { name: 'Review' }).click();
  const confirmation = dialog.getByTestId('bulk-confirmation');
  await expect(confirmation).toContainText(
    `Set the phone number override of ${selected.length} numbers to ${url}`,
  );

  // One number's reads fail for longer than the client retries: it fails, the others are applied.
  const broken = selected[0]?.phoneNumberId ?? '';
  await setFaults(sandbox, { faultKind: 'http500', count: 8, pathPattern: `/${broken}$` });
  await dialog.getByRole('button', { name: `Re-route ${selected.length} numbers` }).click();
  await expect(page).toHaveURL(/\/audit\/bulk\//);
  const counts = page.getByTestId('bulk-counts');
  await expect(counts).toContainText(`${selected.length} of ${selected.length} done`, { timeout: 30_000 });
  await expect(counts).toContainText(`${selected.length - 1} applied`);
  await expect(counts).toContainText('1 failed');
  const failed = page.locator('[data-testid="bulk-item"][data-status="failed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed.getByRole('link')).toHaveAttribute('href', `/numbers/${broken}`);
  await setFaults(sandbox, {});
  for (const r of selected.filter((s) => s.phoneNumberId !== broken)) {
    expect((await webhookConfiguration(sandbox, r.phoneNumberId)).phone_number).toBe(url);
  }
  expect((await webhookConfiguration(sandbox, broken)).phone_number).toBeUndefined();

  // Activity shows the job as one entry, its rows inside, and the way to its page.
  const jobUrl = new URL(page.url()).pathname;
  await page.goto('/activity');
  const job = page.getByTestId('activity-job').filter({ has: page.locator(`[href="${jobUrl}"]`) });
  await expect(job.getByTestId('activity-job-summary')).toContainText(
    new RegExp(
      `^Bulk re-route of ${selected.length} numbers by \\S+@\\S+ — ${selected.length - 1} changed, 1 failed`,
    ),
  );
  const jobRows = job.getByTestId('activity-job-rows').getByTestId('activity-row');
  await expect(jobRows.first()).toBeHidden();
  await job.getByTestId('activity-job-summary').click();
  await expect(jobRows).toHaveCount(selected.length);
  // None of the job's rows is also listed on its own.
  await expect(
    page
      .getByTestId('activity-table')
      .locator(':scope > tbody > [data-testid="activity-row"]')
      .filter({ hasText: broken }),
  ).toHaveCount(0);

  // Leave and come back: the job's page still shows its outcomes; then retry the failure.
  await page.goto('/audit');
  await page
    .getByRole('link', { name: new RegExp(`Set the phone override of ${selected.length} numbers`) })
    .first()
    .click();
  await page.getByLabel('Verify token').fill(receiver.verifyToken);
  await page.getByRole('button', { name: 'Retry 1 number' }).click();
  await expect(counts).toContainText(`${selected.length} applied`, { timeout: 30_000 });
  await expect(counts).toContainText('0 failed');
  await expect(page.locator('[data-testid="bulk-item"][data-status="applied"]')).toHaveCount(selected.length);
  expect((await webhookConfiguration(sandbox, broken)).phone_number).toBe(url);
  await expect(page.getByTestId('bulk-items')).toContainText(url);
  // The retry's row joins the job's entry, and the tally counts each number's latest attempt.
  await page.goto('/activity');
  await expect(
    page
      .getByTestId('activity-job')
      .filter({ has: page.locator(`[href="${jobUrl}"]`) })
      .getByTestId('activity-job-summary'),
  ).toContainText(`${selected.length} changed, 0 failed`);
});

test("bulk re-route for the second app: only its phone overrides change, the first app's route stays", async ({
  page,
  sandbox,
  receiver,
}) => {
  const [main, helpdesk] = sandbox.fixture.apps;
  if (!main || !helpdesk) throw new Error('the demo fixture has two apps');
  const { wabaId } = scenarios(sandbox).sharedWaba;
  const selected = (await fleetTruth(sandbox, helpdesk)).filter((r) => r.wabaId === wabaId);
  expect(selected.length).toBeGreaterThanOrEqual(2);
  const firstAppBefore = await Promise.all(
    selected.map(async (r) => (await webhookConfiguration(sandbox, r.phoneNumberId, main)).phone_number),
  );
  await page.goto('/audit');
  await runScan(page, (await fleetTruth(sandbox)).length);
  // Looking at the helpdesk's rows: the job it offers changes the helpdesk's routes (preselected in its form).
  await page.getByLabel('App', { exact: true }).selectOption(helpdesk.id);
  await page.getByLabel('WABA name or id').fill(wabaId);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('audit-total')).toHaveText(auditTotal(selected.length));

  await page.getByRole('button', { name: `Re-route ${selected.length} numbers…` }).click();
  const dialog = page.getByRole('alertdialog');
  const appChoice = dialog.getByLabel('App', { exact: true });
  await expect(appChoice).toHaveValue(helpdesk.id);
  // The app can still be changed here; back to the default app and again to the helpdesk.
  await appChoice.selectOption(main.id);
  await appChoice.selectOption(helpdesk.id);
  const url = receiver.url('echo');
  await dialog.getByLabel('New callback URL').fill(url);
  await dialog.getByLabel('Verify token').fill(receiver.verifyToken);
  await dialog.getByRole('button', { name: 'Review' }).click();
  const confirmation = dialog.getByTestId('bulk-confirmation');
  await expect(confirmation).toContainText(
    `Set the phone number override of ${selected.length} numbers to ${url}`,
  );
  await expect(confirmation.getByTestId('bulk-app')).toHaveText(
    new RegExp(
      `^Changes ${helpdesk.name}'s route only; .+ keeps its own route for these numbers, as it is\\.$`,
    ),
  );
  // The scan read the helpdesk's own tiers, so the stale check holds: no live-read notice.
  await expect(confirmation.getByTestId('bulk-live-read')).toHaveCount(0);
  await dialog.getByRole('button', { name: `Re-route ${selected.length} numbers` }).click();

  await expect(page).toHaveURL(/\/audit\/bulk\//);
  await expect(page.getByTestId('bulk-job-app')).toHaveText(helpdesk.name);
  const counts = page.getByTestId('bulk-counts');
  await expect(counts).toContainText(`${selected.length} of ${selected.length} done`, { timeout: 30_000 });
  await expect(counts).toContainText(`${selected.length} applied`);
  for (const [i, r] of selected.entries()) {
    expect((await webhookConfiguration(sandbox, r.phoneNumberId, helpdesk)).phone_number).toBe(url);
    expect((await webhookConfiguration(sandbox, r.phoneNumberId, main)).phone_number).toBe(firstAppBefore[i]);
  }

  // Activity names the app whose route the job changed.
  const jobUrl = new URL(page.url()).pathname;
  await page.goto('/activity');
  await expect(
    page
      .getByTestId('activity-job')
      .filter({ has: page.locator(`[href="${jobUrl}"]`) })
      .getByTestId('activity-job-summary'),
  ).toContainText(`(${helpdesk.name}'s route)`);
});
