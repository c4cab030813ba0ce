/**
 * Tokens and secrets never reach the browser: not in the HTML, not in any script the pages load, not in
 * server action responses — including the verify token an operator just typed.
 */
import { fillOverride, scenarios } from './support/console';
import { expect, test } from './support/fixtures';
import { authFile } from './support/roles';

test.use({ storageState: authFile('operator') });

test('no access token, app secret or verify token in anything served', async ({
  page,
  sandbox,
  receiver,
}) => {
  const s = scenarios(sandbox);
  const fixture = sandbox.fixture;
  const secrets = [
    ...fixture.apps.flatMap((app) => [app.accessToken, app.secret, app.appAccessToken]),
    receiver.verifyToken,
  ];

  const bodies: string[] = [];
  page.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (/html|javascript|json|text\/x-component/.test(type)) {
      bodies.push(await response.text().catch(() => ''));
    }
  });

  for (const path of ['/', '/wabas', `/wabas/${s.wabaTier.wabaId}`, `/numbers/${s.wabaTier.phoneNumberId}`]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    bodies.push(await page.content());
  }
  // Type a verify token and save: the action's answer must not carry it back.
  await page.getByRole('button', { name: 'Set phone override' }).click();
  await fillOverride(page, receiver.url('echo'), receiver.verifyToken);
  await page.getByRole('button', { name: 'Save phone override' }).click();
  await expect(page.getByTestId('write-outcome')).toHaveAttribute('data-outcome', 'applied');
  await page.waitForLoadState('networkidle');
  // The input itself still holds nothing: it is cleared after a successful save.
  await expect(page.getByLabel('Verify token', { exact: true })).toHaveValue('');
  bodies.push(await page.content());

  expect(bodies.length).toBeGreaterThan(10);
  for (const secret of secrets) {
    const leaks = bodies.filter((body) => body.includes(secret)).length;
    expect(leaks, `a response contains a secret (${secret.slice(0, 4)}…)`).toBe(0);
  }
});
