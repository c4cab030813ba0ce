import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changeLog, onpremDeployments } from '@/lib/db/schema';
import { makeKeyring } from '@/lib/receivers/secret-box';
import { ACTOR, randomKey } from '@/lib/receivers/test-support';
import { getNumber } from '@/lib/routing/get-number';
import { tierUrl } from '@/lib/routing/tiers';
import { carryOver, carryOverAll, readBridge } from './bridge';
import { coreappClient } from './client';
import { listDeployments, openDeployment, PASSWORD_UNREADABLE, registerDeployment } from './deployments';
import { CoreappError } from './errors';
import { changeDeploymentSettings, readDeploymentSettings } from './settings';
import type { WebhookSettings } from './settings-form';
import { type SandboxDeployment, startOnpremHarness } from './test-support';

let h: Awaited<ReturnType<typeof startOnpremHarness>>;
let eu: SandboxDeployment;
let us: SandboxDeployment;

beforeAll(async () => {
  h = await startOnpremHarness();
  const [first, second] = await h.deployments();
  if (!first || !second) throw new Error('the sandbox has no Coreapps');
  eu = first;
  us = second;
}, 60_000);
afterAll(() => h?.close());
beforeEach(async () => {
  await h.reset();
  await h.onprem.db.delete(onpremDeployments);
});

async function register(d: SandboxDeployment, password = d.password): Promise<string> {
  const result = await registerDeployment(
    h.onprem,
    {
      label: d.label,
      baseUrl: `${d.baseUrl}/`,
      username: d.username,
      password,
      phoneNumberIds: d.phoneNumberIds,
    },
    ACTOR,
    // A wrong password is stored on purpose in one test, to see how a later refusal reads.
    { checkLogin: password === d.password },
  );
  if (!result.ok) throw new Error(result.error);
  return result.id;
}

/** The sandbox's echo receiver: answers Meta's verification with its own verify token. */
function demoReceiver() {
  const receiver = h.fixture.receivers.find((r) => r.name === 'demo');
  if (!receiver) throw new Error('no demo receiver');
  return receiver;
}

describe('Coreapp client', () => {
  it('logs in once and reuses the token, logs in again after the Coreapp expired it', async () => {
    const client = coreappClient(
      { id: 'x', baseUrl: eu.baseUrl, username: eu.username, password: eu.password },
      { timeoutMs: 2_000, tokenCache: h.tokens },
    );
    const settings = await client.getApplicationSettings();
    expect(settings.webhooks?.url).toBe('https://onprem-eu.example.com/whatsapp');
    const first = h.tokens.peek('x');
    expect(first).toMatch(/^sbx-coreapp-/);
    await client.getApplicationSettings();
    expect(h.tokens.peek('x')).toBe(first); // reused, no second login
    await h.expireCoreappTokens();
    // The cached token is refused with 401; the client logs in again and the read succeeds.
    expect((await client.getApplicationSettings()).webhooks?.url).toBe(
      'https://onprem-eu.example.com/whatsapp',
    );
  });

  it('reports refused credentials as a CoreappError 401 with code 1005', async () => {
    const client = coreappClient(
      { id: 'y', baseUrl: eu.baseUrl, username: eu.username, password: 'wrong-password' },
      { timeoutMs: 2_000, tokenCache: h.tokens },
    );
    const error = await client.getApplicationSettings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreappError);
    expect((error as CoreappError).status).toBe(401);
    expect((error as CoreappError).code).toBe(1005);
    expect(String((error as Error).message)).not.toContain('wrong-password');
  });
});

describe('deployments', () => {
  it('stores the password encrypted, never in a summary, and refuses a second registration of one URL', async () => {
    const id = await register(eu);
    const [row] = await h.onprem.db.select().from(onpremDeployments).where(eq(onpremDeployments.id, id));
    expect(row?.passwordEnc).toMatch(/^v1:/);
    expect(row?.passwordEnc).not.toContain(eu.password);
    expect(row?.baseUrl).toBe(eu.baseUrl); // trailing slash removed
    const [summary] = await listDeployments(h.onprem);
    expect(JSON.stringify(summary)).not.toContain(eu.password);
    expect(JSON.stringify(summary)).not.toContain('v1:');
    const again = await registerDeployment(
      h.onprem,
      { label: 'dup', baseUrl: eu.baseUrl, username: 'admin', password: 'x'.repeat(8), phoneNumberIds: [] },
      ACTOR,
    );
    expect(again).toEqual({ ok: false, error: 'duplicate_base_url' });
    const rows = await h.changeRows(id);
    expect(rows.map((r) => [r.action, r.targetType, r.outcome])).toEqual([
      ['onprem_deployment.register', 'onprem_deployment', 'success'],
    ]);
    expect(JSON.stringify(rows)).not.toContain(eu.password);
  });

  it('logs in before registering: refused credentials store nothing', async () => {
    const result = await registerDeployment(
      h.onprem,
      {
        label: 'x',
        baseUrl: eu.baseUrl,
        username: eu.username,
        password: 'wrong-password',
        phoneNumberIds: [],
      },
      ACTOR,
    );
    expect(result).toMatchObject({
      ok: false,
      error: 'login_failed',
      message: expect.stringContaining('1005'),
    });
    expect(await listDeployments(h.onprem)).toEqual([]);
  });

  it('reads live settings, and says so when the stored password is refused', async () => {
    const good = await readDeploymentSettings(h.onprem, await register(eu));
    expect(good).toMatchObject({
      ok: true,
      settings: { webhookUrl: 'https://onprem-eu.example.com/whatsapp' },
    });
    const bad = await readDeploymentSettings(h.onprem, await register(us, 'not-the-password'));
    expect(bad).toMatchObject({ ok: false, error: 'unreachable', message: expect.stringContaining('1005') });
  });
});

describe('a password the keyring cannot decrypt', () => {
  it('reads as a clear sentence instead of failing the page', async () => {
    const id = await register(eu);
    const other = { ...h.onprem, keyring: makeKeyring(randomKey()) };
    const read = await readDeploymentSettings(other, id);
    expect(read).toEqual({ ok: false, error: 'unreachable', message: PASSWORD_UNREADABLE });
    expect(await readBridge(other, id)).toMatchObject({ ok: false, message: PASSWORD_UNREADABLE });
  });
});

describe('changing settings', () => {
  async function current(id: string): Promise<WebhookSettings> {
    const read = await readDeploymentSettings(h.onprem, id);
    if (!read.ok) throw new Error(read.message);
    return read.settings;
  }

  it('preflights the new URL, patches only what changed, reads back and logs', async () => {
    const id = await register(eu);
    const before = await current(id);
    const url = demoReceiver().url;
    const outcome = await changeDeploymentSettings(
      h.onprem,
      {
        id,
        expectedWebhookUrl: before.webhookUrl,
        settings: { ...before, webhookUrl: url, messageRead: true },
      },
      ACTOR,
    );
    expect(outcome).toEqual({ kind: 'applied', after: { ...before, webhookUrl: url, messageRead: true } });
    // Read back through the Coreapp itself, not through our own result.
    const opened = await openDeployment(h.onprem, id);
    expect((await opened?.client.getApplicationSettings())?.webhooks?.url).toBe(url);
    const [row] = (await h.changeRows(id)).filter((r) => r.action === 'onprem_webhook.set');
    // Only what changed was sent.
    expect(row?.requested).toEqual({ webhooks: { url, message: { read: true } } });
    expect(row).toMatchObject({
      targetType: 'onprem_deployment',
      outcome: 'success',
      after: { webhookUrl: url, messageRead: true },
      before: { webhookUrl: 'https://onprem-eu.example.com/whatsapp' },
    });
  });

  it('refuses when the URL changed since the page loaded, and changes nothing', async () => {
    const id = await register(eu);
    const before = await current(id);
    const outcome = await changeDeploymentSettings(
      h.onprem,
      {
        id,
        expectedWebhookUrl: 'https://other.example.com/',
        settings: { ...before, callbackPersist: false },
      },
      ACTOR,
    );
    expect(outcome).toEqual({ kind: 'stale', current: 'https://onprem-eu.example.com/whatsapp' });
    expect((await current(id)).callbackPersist).toBe(true);
    const rows = await h.changeRows(id);
    expect(rows.at(-1)).toMatchObject({ action: 'onprem_webhook.set', outcome: 'refused' });
  });

  it('refuses a URL that does not answer (preflight) without patching', async () => {
    const id = await register(eu);
    const before = await current(id);
    const outcome = await changeDeploymentSettings(
      h.onprem,
      {
        id,
        expectedWebhookUrl: before.webhookUrl,
        settings: { ...before, webhookUrl: 'http://127.0.0.1:9/none' },
      },
      ACTOR,
    );
    expect(outcome.kind).toBe('preflight_failed');
    expect((await current(id)).webhookUrl).toBe(before.webhookUrl);
  });

  it('passes on the Coreapp refusal of a bad value (error 1009)', async () => {
    const id = await register(eu);
    const before = await current(id);
    const outcome = await changeDeploymentSettings(
      h.onprem,
      { id, expectedWebhookUrl: before.webhookUrl, settings: { ...before, maxConcurrentRequests: 7 } },
      ACTOR,
    );
    expect(outcome).toMatchObject({ kind: 'coreapp_error', message: expect.stringContaining('error 1009') });
    expect((await h.changeRows(id)).at(-1)).toMatchObject({ outcome: 'failure', errorCode: 1009 });
  });
});

describe('migration bridge', () => {
  async function pointAtReceiver(id: string): Promise<string> {
    const read = await readDeploymentSettings(h.onprem, id);
    if (!read.ok) throw new Error(read.message);
    const url = demoReceiver().url;
    const outcome = await changeDeploymentSettings(
      h.onprem,
      { id, expectedWebhookUrl: read.settings.webhookUrl, settings: { ...read.settings, webhookUrl: url } },
      ACTOR,
    );
    expect(outcome.kind).toBe('applied');
    return url;
  }

  it('shows each number: on the Cloud API and ready, or still on On-Premises', async () => {
    const view = await readBridge(h.onprem, await register(us));
    if (!view.ok) throw new Error(view.message);
    expect(view.webhookUrl).toBe('https://onprem-us.example.com/hooks/wa');
    expect(view.numbers.map((n) => [n.phoneNumberId, n.platformType, n.status])).toEqual([
      [us.phoneNumberIds[0], 'CLOUD_API', 'ready'],
      [us.phoneNumberIds[1], 'CLOUD_API', 'ready'],
      [us.phoneNumberIds[2], 'ON_PREMISE', 'on_premises'],
    ]);
  });

  it("carries the deployment's URL over as the number's phone override, read back from Graph and logged", async () => {
    const id = await register(eu);
    const url = await pointAtReceiver(id);
    const phoneNumberId = eu.phoneNumberIds[0] ?? '';
    const result = await carryOver(
      h.onprem,
      { deploymentId: id, phoneNumberId, verifyToken: demoReceiver().verifyToken, expected: null },
      ACTOR,
    );
    expect(result).toMatchObject({ kind: 'written', url, outcome: { kind: 'applied' } });
    const number = await getNumber(h.ctx, phoneNumberId);
    expect(number && tierUrl(number.tiers, 'phone_number')).toBe(url);
    expect((await h.changeRows(phoneNumberId)).at(-1)).toMatchObject({
      action: 'phone_override.set',
      outcome: 'success',
    });
    const view = await readBridge(h.onprem, id);
    expect(view.ok && view.numbers[0]?.status).toBe('carried');
  });

  it('refuses a number still on On-Premises, and one the deployment did not serve', async () => {
    const id = await register(us);
    await pointAtReceiver(id);
    const token = demoReceiver().verifyToken;
    const onPrem = await carryOver(
      h.onprem,
      { deploymentId: id, phoneNumberId: us.phoneNumberIds[2] ?? '', verifyToken: token, expected: null },
      ACTOR,
    );
    expect(onPrem).toMatchObject({ kind: 'refused', message: expect.stringContaining('migrate it') });
    const foreign = await carryOver(
      h.onprem,
      { deploymentId: id, phoneNumberId: eu.phoneNumberIds[0] ?? '', verifyToken: token, expected: null },
      ACTOR,
    );
    expect(foreign).toMatchObject({ kind: 'refused', message: expect.stringContaining('did not serve') });
  });

  it('a wrong verify token fails the preflight and writes nothing', async () => {
    const id = await register(eu);
    await pointAtReceiver(id);
    const phoneNumberId = eu.phoneNumberIds[0] ?? '';
    const result = await carryOver(
      h.onprem,
      { deploymentId: id, phoneNumberId, verifyToken: 'not-the-token', expected: null },
      ACTOR,
    );
    expect(result).toMatchObject({ kind: 'written', outcome: { kind: 'preflight_failed' } });
    const number = await getNumber(h.ctx, phoneNumberId);
    expect(number && tierUrl(number.tiers, 'phone_number')).toBeNull();
  });

  it('carries a whole deployment over: ready numbers set, the On-Premises one skipped', async () => {
    const id = await register(us);
    const url = await pointAtReceiver(id);
    const result = await carryOverAll(
      h.onprem,
      { deploymentId: id, verifyToken: demoReceiver().verifyToken },
      ACTOR,
    );
    if (result.kind !== 'done') throw new Error(JSON.stringify(result));
    expect(result.items.map((i) => i.result)).toEqual(['applied', 'applied', 'skipped']);
    for (const phoneNumberId of us.phoneNumberIds.slice(0, 2)) {
      const number = await getNumber(h.ctx, phoneNumberId);
      expect(number && tierUrl(number.tiers, 'phone_number')).toBe(url);
    }
    const sets = await h.onprem.db.select().from(changeLog).where(eq(changeLog.action, 'phone_override.set'));
    expect(sets.filter((r) => r.outcome === 'success').length).toBeGreaterThanOrEqual(2);
  });
});
