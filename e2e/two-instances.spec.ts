/**
 * Two app instances on one PostgreSQL database, on different ports, started at the same moment (both
 * migrate), with one Graph sandbox: they must behave as one deployment. A session from one works on the
 * other; a receiver created on one is served and inspected on the other; an override set on one is seen on
 * the other at once (its fleet cache is not the default-off of the other specs, so this proves the shared
 * invalidation), with the change in both change logs; an audit snapshot taken on one is the other's; and the
 * Graph usage one instance saw is the other's budget too. PostgreSQL pass only: PGlite is one process's.
 */
import type { ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { type RunningSandbox, startSandbox } from '../lib/graph-sandbox/server';
import { createDatabase } from '../lib/testing/postgres';
import { appEnvFor, freePort, spawnApp, stopApp, waitForHealth } from '../scripts/lib/stack';
import { e2eDatabase } from './support/database';
import { expect, test } from './support/fixtures';
import { DEMO_USERS } from './support/roles';

interface Instance {
  url: string;
  child: ChildProcess;
}

async function startInstances(sandbox: RunningSandbox, dataDir: string): Promise<[Instance, Instance]> {
  const databaseUrl = await createDatabase(process.env.E2E_POSTGRES_URL ?? '', 'switchboard_two');
  // What a deployment shares between instances: the database and the secrets.
  const shared = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    SECRETS_KEY: randomBytes(32).toString('base64'),
    // The production default, so each instance caches the fleet as it would in a deployment.
    FLEET_CACHE_TTL_MS: '30000',
  };
  const ports = [await freePort(), await freePort()];
  // Behind a load balancer both would have the deployment's one public URL; here A's stands in for it.
  const publicUrl = `http://127.0.0.1:${ports[0]}`;
  const instances = ports.map((port) => {
    const env = { ...appEnvFor(sandbox, port, dataDir), ...shared, RECEIVER_BASE_URL: publicUrl };
    const child = spawnApp(env, 'ignore');
    return { url: `http://127.0.0.1:${port}`, child };
  });
  await Promise.all(instances.map((i) => waitForHealth(i.url, i.child, 120_000)));
  return [instances[0] as Instance, instances[1] as Instance];
}

async function signIn(browser: Browser, baseURL: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO_USERS.admin.email);
  await page.getByLabel('Password').fill(DEMO_USERS.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

test.skip(e2eDatabase() !== 'postgres', 'two instances share one PostgreSQL database; PGlite is one process');

test('two instances on one PostgreSQL behave as one deployment', async ({ browser }) => {
  test.setTimeout(300_000);
  const work = await mkdtemp(path.join(tmpdir(), 'switchboard-two-'));
  const sandbox = await startSandbox({ port: 0 });
  let instances: Instance[] = [];
  try {
    const [a, b] = await startInstances(sandbox, path.join(work, 'unused-pglite'));
    instances = [a, b];
    const app = sandbox.fixture.apps[0];
    if (!app) throw new Error('the fixture has no app');
    const { phoneNumberId, wabaId } = sandbox.fixture.scenarios.wabaTier;

    // Sessions: signed in on A, the same browser is signed in on B.
    const pageA = await signIn(browser, a.url);
    const pageB = await pageA.context().newPage();
    await pageB.goto(`${b.url}/wabas`);
    await expect(pageB).toHaveURL(`${b.url}/wabas`);
    await expect(pageB.getByRole('heading', { level: 1 })).toBeVisible();

    // Receivers: created on A, listed on B.
    const receiverName = `Shared ${Date.now()}`;
    await pageA.goto('/receivers');
    await pageA.getByLabel('Name').fill(receiverName);
    await pageA.getByLabel('Verify token').fill(`two-${randomBytes(6).toString('hex')}`);
    await pageA.getByLabel('App secret').fill(app.secret);
    await pageA.getByRole('button', { name: 'Create receiver' }).click();
    const created = pageA.getByText('Created. Its callback URL is');
    const receiverUrl = (await created.locator('span.font-mono').textContent()) ?? '';
    expect(receiverUrl.startsWith(`${a.url}/api/hooks/`)).toBe(true);
    const receiverId = receiverUrl.split('/').at(-1) ?? '';
    await pageB.goto(`${b.url}/receivers`);
    await expect(pageB.getByRole('link', { name: receiverName })).toBeVisible();

    // B reads the number first, so its fleet cache holds the route from before the change.
    await pageB.goto(`${b.url}/numbers/${phoneNumberId}`);
    await expect(pageB.locator('li[data-tier="whatsapp_business_account"]')).toHaveAttribute(
      'data-wins',
      'true',
    );

    // A sets the phone override to the receiver; Meta's live verification reaches A's handshake.
    await pageA.goto(`/numbers/${phoneNumberId}`);
    await pageA.getByRole('button', { name: 'Set phone override' }).click();
    await pageA.getByLabel('Managed receiver', { exact: true }).check();
    await pageA.getByLabel('Receiver', { exact: true }).selectOption(receiverId);
    await pageA.getByRole('button', { name: 'Save phone override' }).click();
    await expect(pageA.getByTestId('phone-override-result').getByTestId('write-outcome')).toHaveAttribute(
      'data-outcome',
      'applied',
    );

    // B sees the new winner at once (well inside its 30 s cache), and the change in its change log.
    await pageB.reload();
    const phoneTier = pageB.locator('li[data-tier="phone_number"]');
    await expect(phoneTier).toHaveAttribute('data-wins', 'true');
    await expect(phoneTier.getByTestId('receiver-label')).toHaveText(`Managed receiver ${receiverName}`);
    await pageB.goto(`${b.url}/activity`);
    await expect(pageB.getByTestId('activity-row').first()).toContainText('phone_override.set');
    await expect(pageB.getByTestId('activity-row').first()).toContainText(DEMO_USERS.admin.email);

    // A test event sent from B is delivered (by the sandbox) to A's hook, and B sees where it arrived.
    await pageB.goto(`${b.url}/numbers/${phoneNumberId}`);
    await pageB.getByRole('button', { name: 'Send test event' }).click();
    const target = pageB.getByTestId('test-event-targets').locator('li').first();
    await expect(target).toContainText('Delivered', { timeout: 20_000 });
    await expect(target).toContainText(`Arrived at the managed receiver ${receiverName}`);
    // A delivery signed with the app secret and POSTed to B's copy of the hook lands beside it: A's
    // inspector shows both.
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: wabaId, changes: [{ field: 'account_update', value: { event: 'TWO_INSTANCES' } }] }],
    });
    const signature = `sha256=${createHmac('sha256', app.secret).update(body).digest('hex')}`;
    const posted = await fetch(`${b.url}/api/hooks/${receiverId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      body,
    });
    expect(posted.status).toBe(200);
    await pageA.goto(`/receivers/${receiverId}`);
    await expect(pageA.getByTestId('delivery-row')).toHaveCount(2, { timeout: 20_000 });

    // Audit snapshots: a scan run on A is the snapshot B shows.
    await pageA.goto('/audit');
    await pageA.getByRole('button', { name: 'Refresh audit' }).click();
    await expect(pageA.getByRole('button', { name: 'Refresh audit' })).toBeEnabled({ timeout: 60_000 });
    const snapshotA = pageA.getByTestId('snapshot-time');
    await expect(snapshotA).toContainText(/\d+ numbers/);
    const scanId = (await snapshotA.getAttribute('data-scan-id')) ?? '';
    expect(scanId).not.toBe('');
    await pageB.goto(`${b.url}/audit`);
    await expect(pageB.getByTestId('snapshot-time')).toHaveAttribute('data-scan-id', scanId);
    await expect(pageB.getByTestId('snapshot-time')).toHaveText((await snapshotA.textContent()) ?? '');

    // The Graph budget: usage reported to A's calls on this WABA is on B's settings page too.
    await pageA.goto(`/wabas/${wabaId}`);
    await expect(pageA.getByRole('heading', { level: 1 })).toBeVisible();
    await pageB.goto(`${b.url}/settings`);
    const figure = pageB.locator(`[data-scope="business_use_case"][data-object-id="${wabaId}"]`);
    await expect(figure.first()).toBeVisible();

    // Health on both: the same database, Graph reachable.
    for (const instance of [a, b]) {
      const health = (await (await fetch(`${instance.url}/api/health`)).json()) as {
        ok: boolean;
        graph?: { ok: boolean };
      };
      expect(health).toMatchObject({ ok: true, graph: { ok: true } });
    }
    await pageA.context().close();
  } finally {
    await Promise.all(instances.map((instance) => stopApp(instance.child)));
    await sandbox.close();
    await rm(work, { recursive: true, force: true });
  }
});
