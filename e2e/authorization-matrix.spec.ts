/**
 * The authorization matrix: every mutating server action × {signed out, viewer, operator, admin}. Each action is
 * invoked the way the browser invokes it (POST with its `Next-Action` id, found in the build's server reference
 * manifest), bypassing the UI that hides buttons, so only the server's own checks stand between a role and a
 * write. When refused, the sandbox's call log must show that no Graph write happened, and the sandbox's
 * Coreapps that their settings did not change.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { APP_CALLBACK_FIELDS } from '../lib/graph-sandbox/fixtures/apps';
import { appSubscriptionValue } from '../lib/routing/app-subscription-value';
import { expect, type SandboxHandle, test } from './support/fixtures';
import { authFile, type DemoRole } from './support/roles';

type Caller = DemoRole | 'signed-out';
const CALLERS: Caller[] = ['signed-out', 'viewer', 'operator', 'admin'];

interface ActionCase {
  file: string;
  name: string;
  /** Who the issue says may do it (issue 4 "Roles"); everyone else is refused. */
  allowed: DemoRole[];
  /** Whether an allowed call writes to Graph (then refusals must leave the call log without writes). */
  writesGraph: boolean;
  input(sandbox: SandboxHandle): unknown | Promise<unknown>;
  /** Test title, when one action has several cases (the per-app variants). */
  title?: string;
  /** The fixture app (index) whose token an allowed write must use: per-app writes act as the app they name. */
  writesAs?: number;
}

/** The second demo app (apps[1], configured through META_APPS), for the per-app variants. */
const secondApp = (s: SandboxHandle) => s.fixture.apps[1]?.id;

/** A scan and bulk job id no one made: allowed callers get the service's answer about nothing to do. */
const NO_JOB = '00000000-0000-4000-8000-0000000000b0';

/** A deployment id no registration made: allowed callers get the service's "no such deployment" answer. */
const NO_DEPLOYMENT = '00000000-0000-4000-8000-0000000000c0';

/** A sandbox Coreapp (its address, credentials and numbers), from the control surface. */
async function coreapp(s: SandboxHandle) {
  const [first] = await s.control.coreappDeployments();
  if (!first) throw new Error('the sandbox has no Coreapp');
  return first;
}

const scenarios = (s: SandboxHandle) => s.fixture.scenarios;
const receiver = (s: SandboxHandle) =>
  s.fixture.receivers[0] as SandboxHandle['fixture']['receivers'][number];

/** The application tier as the settings form was loaded with it (the stale check), from the fixture. */
const appTier = (s: SandboxHandle) =>
  appSubscriptionValue({
    appId: s.fixture.apps[0]?.id ?? '',
    callbackUrl: s.fixture.apps[0]?.callbackUrl ?? null,
    fields: [...APP_CALLBACK_FIELDS].sort(),
    active: true,
  });

const OPERATORS: DemoRole[] = ['operator', 'admin'];
const ADMINS: DemoRole[] = ['admin'];

const PER_APP_CASES: ActionCase[] = [
  {
    file: 'app/(console)/_actions/set-phone-override.ts',
    name: 'setPhoneOverrideAction',
    title: 'setPhoneOverrideAction for the second app',
    allowed: OPERATORS,
    writesGraph: true,
    writesAs: 1,
    input: (s) => ({
      appId: secondApp(s),
      phoneNumberId: scenarios(s).wabaTier?.phoneNumberId,
      overrideCallbackUri: receiver(s).url,
      verifyToken: receiver(s).verifyToken,
      expected: '',
    }),
  },
  {
    file: 'app/(console)/_actions/clear-phone-override.ts',
    name: 'clearPhoneOverrideAction',
    title: 'clearPhoneOverrideAction for the second app',
    allowed: OPERATORS,
    writesGraph: true,
    writesAs: 1,
    input: async (s) => {
      const phoneNumberId = scenarios(s).sharedWaba.secondAppPhoneNumberId;
      const node = await s.graph<{ webhook_configuration: { phone_number?: string } }>(
        `${phoneNumberId}?fields=webhook_configuration`,
        s.fixture.apps[1],
      );
      return { appId: secondApp(s), phoneNumberId, expected: node.webhook_configuration.phone_number ?? '' };
    },
  },
  {
    file: 'app/(console)/_actions/set-waba-override.ts',
    name: 'setWabaOverrideAction',
    title: 'setWabaOverrideAction for the second app',
    allowed: OPERATORS,
    writesGraph: true,
    writesAs: 1,
    input: async (s) => {
      const wabaId = scenarios(s).sharedWaba.wabaId;
      const apps = await s.graph<{
        data: { whatsapp_business_api_data: { id: string }; override_callback_uri?: string }[];
      }>(`${wabaId}/subscribed_apps`);
      const theirs = apps.data.find((a) => a.whatsapp_business_api_data.id === secondApp(s));
      return {
        appId: secondApp(s),
        wabaId,
        overrideCallbackUri: receiver(s).url,
        verifyToken: receiver(s).verifyToken,
        expected: theirs?.override_callback_uri ?? '',
      };
    },
  },
  {
    file: 'app/(console)/_actions/subscribe-app.ts',
    name: 'subscribeAppAction',
    title: 'subscribeAppAction for the second app',
    allowed: OPERATORS,
    writesGraph: true,
    writesAs: 1,
    input: (s) => ({ appId: secondApp(s), wabaId: scenarios(s).applicationTier?.wabaId }),
  },
  {
    file: 'app/(console)/_actions/unsubscribe-app.ts',
    name: 'unsubscribeAppAction',
    title: 'unsubscribeAppAction for the second app',
    allowed: ADMINS,
    writesGraph: true,
    writesAs: 1,
    input: (s) => ({ appId: secondApp(s), wabaId: scenarios(s).sharedWaba.wabaId }),
  },
  // Reads and jobs that act as one chosen app. Allowed calls stop in the service (no such scan or job), so
  // nothing is written; refusals must still leave Graph untouched.
  {
    file: 'app/(console)/_actions/read-again.ts',
    name: 'readAgainAction',
    title: 'readAgainAction for the second app',
    allowed: OPERATORS,
    writesGraph: false,
    input: (s) => ({
      appId: secondApp(s),
      action: 'phone_override.set',
      targetId: scenarios(s).sharedWaba.secondAppPhoneNumberId,
    }),
  },
  {
    file: 'app/(console)/audit/_actions/preview-bulk-reroute.ts',
    name: 'previewBulkRerouteAction',
    title: 'previewBulkRerouteAction for the second app',
    allowed: OPERATORS,
    writesGraph: false,
    input: (s) => ({ appId: secondApp(s), scanId: NO_JOB, filter: {}, action: 'phone_override.clear' }),
  },
  {
    file: 'app/(console)/audit/_actions/start-bulk-reroute.ts',
    name: 'startBulkRerouteAction',
    title: 'startBulkRerouteAction for the second app',
    allowed: OPERATORS,
    writesGraph: false,
    input: (s) => ({
      appId: secondApp(s),
      scanId: NO_JOB,
      filter: {},
      action: 'phone_override.clear',
      expectedCount: 1,
    }),
  },
  {
    file: 'app/(console)/audit/_actions/retry-bulk-job.ts',
    name: 'retryBulkJobAction',
    allowed: OPERATORS,
    writesGraph: false,
    input: () => ({ jobId: NO_JOB }),
  },
  {
    // Sandbox mode: emits through the sandbox's routing and reports every app's copy; no Graph write.
    file: 'app/(console)/receivers/_actions/send-test-event.ts',
    name: 'sendTestEventAction',
    allowed: OPERATORS,
    writesGraph: false,
    input: (s) => ({ phoneNumberId: scenarios(s).unsubscribedWaba?.phoneNumberId }),
  },
];

const CASES: ActionCase[] = [
  ...PER_APP_CASES,
  {
    file: 'app/(console)/_actions/set-phone-override.ts',
    name: 'setPhoneOverrideAction',
    allowed: OPERATORS,
    writesGraph: true,
    input: (s) => ({
      phoneNumberId: scenarios(s).applicationTier?.phoneNumberId,
      overrideCallbackUri: receiver(s).url,
      verifyToken: receiver(s).verifyToken,
      expected: '',
    }),
  },
  {
    file: 'app/(console)/_actions/clear-phone-override.ts',
    name: 'clearPhoneOverrideAction',
    allowed: OPERATORS,
    writesGraph: true,
    input: async (s) => {
      const phoneNumberId = scenarios(s).phoneNumberTier?.phoneNumberId;
      const node = await s.graph<{ webhook_configuration: { phone_number?: string } }>(
        `${phoneNumberId}?fields=webhook_configuration`,
      );
      return { phoneNumberId, expected: node.webhook_configuration.phone_number ?? '' };
    },
  },
  {
    file: 'app/(console)/_actions/set-waba-override.ts',
    name: 'setWabaOverrideAction',
    allowed: OPERATORS,
    writesGraph: true,
    input: (s) => ({
      wabaId: scenarios(s).applicationTier?.wabaId,
      overrideCallbackUri: receiver(s).url,
      verifyToken: receiver(s).verifyToken,
      expected: '',
    }),
  },
  {
    file: 'app/(console)/_actions/clear-waba-override.ts',
    name: 'clearWabaOverrideAction',
    allowed: OPERATORS,
    writesGraph: true,
    input: async (s) => {
      const wabaId = scenarios(s).wabaTier?.wabaId;
      const apps = await s.graph<{
        data: { whatsapp_business_api_data: { id: string }; override_callback_uri?: string }[];
      }>(`${wabaId}/subscribed_apps`);
      const mine = apps.data.find((a) => a.whatsapp_business_api_data.id === s.fixture.apps[0]?.id);
      return { wabaId, expected: mine?.override_callback_uri ?? '' };
    },
  },
  {
    file: 'app/(console)/_actions/subscribe-app.ts',
    name: 'subscribeAppAction',
    allowed: OPERATORS,
    writesGraph: true,
    input: (s) => ({ wabaId: scenarios(s).unsubscribedWaba?.wabaId }),
  },
  {
    file: 'app/(console)/_actions/unsubscribe-app.ts',
    name: 'unsubscribeAppAction',
    allowed: ADMINS,
    writesGraph: true,
    input: (s) => ({ wabaId: scenarios(s).applicationTier?.wabaId }),
  },
  {
    file: 'app/(console)/_actions/test-callback.ts',
    name: 'testCallbackAction',
    allowed: OPERATORS,
    writesGraph: false,
    input: (s) => ({ overrideCallbackUri: receiver(s).url, verifyToken: receiver(s).verifyToken }),
  },
  {
    // Spends Graph quota (reads only): a permission of its own, not `data.read`.
    file: 'app/(console)/audit/_actions/start-audit-scan.ts',
    name: 'startAuditScanAction',
    allowed: OPERATORS,
    writesGraph: false,
    input: () => ({}),
  },
  {
    file: 'app/(console)/settings/_actions/set-app-subscription.ts',
    name: 'setAppSubscriptionAction',
    allowed: ADMINS,
    writesGraph: true,
    input: (s) => ({
      callbackUrl: receiver(s).url,
      verifyToken: receiver(s).verifyToken,
      fields: ['messages'],
      expected: appTier(s),
    }),
  },
  {
    file: 'app/(console)/settings/_actions/delete-app-subscription.ts',
    name: 'deleteAppSubscriptionAction',
    allowed: ADMINS,
    writesGraph: true,
    input: (s) => ({ confirmAppId: s.fixture.apps[0]?.id, expected: appTier(s) }),
  },
  // On-Premises (issue 17). Allowed calls stop in the service, so the shared database and the Coreapps stay
  // as the On-Premises spec expects them: a wrong password (login refused), a deployment no one registered.
  {
    file: 'app/(console)/on-premises/_actions/register-deployment.ts',
    name: 'registerDeploymentAction',
    allowed: ADMINS,
    writesGraph: false,
    input: async (s) => {
      const d = await coreapp(s);
      return {
        label: 'Matrix Coreapp',
        baseUrl: d.baseUrl,
        username: d.username,
        password: `${d.password}-wrong`,
        phoneNumberIds: d.phoneNumberIds.join('\n'),
      };
    },
  },
  {
    file: 'app/(console)/on-premises/_actions/change-deployment-settings.ts',
    name: 'changeDeploymentSettingsAction',
    allowed: ADMINS,
    writesGraph: false,
    input: async (s) => {
      const d = await coreapp(s);
      return {
        id: NO_DEPLOYMENT,
        expectedWebhookUrl: d.settings.webhooks.url,
        settings: {
          webhookUrl: receiver(s).url,
          callbackPersist: true,
          messageSent: false,
          messageDelivered: true,
          messageRead: true,
          callbackBackoffDelayMs: 3000,
          maxCallbackBackoffDelayMs: 900000,
          maxConcurrentRequests: 6,
        },
      };
    },
  },
  {
    // A phone override write, so whoever may set one (override.write), unlike the admin-only bulk.
    file: 'app/(console)/on-premises/_actions/carry-over-number.ts',
    name: 'carryOverNumberAction',
    allowed: OPERATORS,
    writesGraph: false,
    input: async (s) => ({
      deploymentId: NO_DEPLOYMENT,
      phoneNumberId: (await coreapp(s)).phoneNumberIds[0],
      verifyToken: receiver(s).verifyToken,
      expected: null,
    }),
  },
  {
    file: 'app/(console)/on-premises/_actions/carry-over-deployment.ts',
    name: 'carryOverDeploymentAction',
    allowed: ADMINS,
    writesGraph: false,
    input: (s) => ({ deploymentId: NO_DEPLOYMENT, verifyToken: receiver(s).verifyToken }),
  },
  {
    file: 'app/(console)/users/_actions/create-user.ts',
    name: 'createUserAction',
    allowed: ADMINS,
    writesGraph: false,
    input: () => ({
      email: `matrix-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`,
      name: 'Matrix',
      role: 'viewer',
      password: 'matrix-password-123',
    }),
  },
  {
    file: 'app/(console)/users/_actions/change-user-role.ts',
    name: 'changeUserRoleAction',
    allowed: ADMINS,
    writesGraph: false,
    input: () => ({ userId: '00000000-0000-4000-8000-000000000000', role: 'viewer' }),
  },
  {
    file: 'app/(console)/users/_actions/set-user-disabled.ts',
    name: 'setUserDisabledAction',
    allowed: ADMINS,
    writesGraph: false,
    input: () => ({ userId: '00000000-0000-4000-8000-000000000000', disabled: true }),
  },
];

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

function loadManifest(): Record<string, ManifestEntry> {
  const file = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> }).node;
}

/** The action's id and a page URL whose bundle contains it (Next resolves actions per page). */
function locate(manifest: Record<string, ManifestEntry>, c: ActionCase, sandbox: SandboxHandle) {
  const found = Object.entries(manifest).find(([, e]) => e.filename === c.file && e.exportedName === c.name);
  if (!found) throw new Error(`No server action ${c.name} from ${c.file} in the build`);
  const [id, entry] = found;
  const worker = Object.keys(entry.workers).find((w) => w.startsWith('app/')) ?? '';
  const s = scenarios(sandbox).phoneNumberTier;
  const url = worker
    .replace(/^app/, '')
    .replace(/\/page$/, '')
    .replace(/\/\([^)]+\)/g, '')
    .replace('[phoneNumberId]', s?.phoneNumberId ?? '0')
    .replace('[wabaId]', s?.wabaId ?? '0')
    .replace(/\[[^\]]+\]/g, '0');
  return { id, url: url || '/' };
}

function cookieHeader(caller: Caller): string {
  if (caller === 'signed-out') return '';
  const state = JSON.parse(readFileSync(authFile(caller), 'utf8')) as {
    cookies: { name: string; value: string }[];
  };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** The action's return value, from the RSC stream it answers with. */
function actionResult(body: string): { ok?: boolean; status?: number } {
  for (const line of body.split('\n')) {
    const match = /^[0-9a-f]+:(\{.*"ok":(?:true|false).*\})$/.exec(line);
    if (match?.[1]) return JSON.parse(match[1]) as { ok?: boolean; status?: number };
  }
  throw new Error(`No action result in the response: ${body.slice(0, 300)}`);
}

const manifest = loadManifest();

for (const c of CASES) {
  for (const caller of CALLERS) {
    const allowed = caller !== 'signed-out' && c.allowed.includes(caller);
    test(`${c.title ?? c.name} as ${caller} is ${allowed ? 'allowed' : 'refused'}`, async ({
      sandbox,
      baseURL,
    }) => {
      const { id, url } = locate(manifest, c, sandbox);
      const cookie = cookieHeader(caller);
      const coreappSettings = async () =>
        (await sandbox.control.coreappDeployments()).map((d) => ({ id: d.id, settings: d.settings }));
      const coreappBefore = await coreappSettings();
      const res = await fetch(`${baseURL}${url}`, {
        method: 'POST',
        headers: {
          'next-action': id,
          accept: 'text/x-component',
          'content-type': 'text/plain;charset=UTF-8',
          origin: baseURL ?? '',
          ...(cookie ? { cookie } : {}),
        },
        body: JSON.stringify([await c.input(sandbox)]),
        redirect: 'manual',
      });
      expect(res.status).toBe(200);
      const result = actionResult(await res.text());
      const writes = await sandbox.writes();
      if (allowed) {
        expect(result.status ?? 200, JSON.stringify(result)).not.toBe(401);
        expect(result.status ?? 200, JSON.stringify(result)).not.toBe(403);
        if (c.writesGraph) {
          expect(result.ok, JSON.stringify(result)).toBe(true);
          expect(writes.filter((w) => w.status < 400).length).toBeGreaterThan(0);
          if (c.writesAs !== undefined) {
            // The write went out with the named app's token, and no other app's scoping was touched.
            expect(new Set(writes.map((w) => w.appId))).toEqual(
              new Set([sandbox.fixture.apps[c.writesAs]?.id]),
            );
          }
        }
      } else {
        expect(result.ok).toBe(false);
        expect(result.status).toBe(caller === 'signed-out' ? 401 : 403);
        expect(writes).toEqual([]);
        expect(await coreappSettings()).toEqual(coreappBefore);
      }
    });
  }
}

/**
 * The delivery check as the second app (`?app=`): a read (`data.read`), so every signed-in role may run it, and
 * it answers for that app; signed out, nothing is checked.
 */
for (const caller of CALLERS) {
  const allowed = caller !== 'signed-out';
  test(`the delivery check for the second app as ${caller} is ${allowed ? 'readable' : 'refused'}`, async ({
    sandbox,
    baseURL,
  }) => {
    const cookie = cookieHeader(caller);
    const phoneNumberId = scenarios(sandbox).sharedWaba.secondAppPhoneNumberId ?? '0';
    const res = await fetch(`${baseURL}/api/numbers/${phoneNumberId}/diagnosis?app=${secondApp(sandbox)}`, {
      headers: cookie ? { cookie } : undefined,
      redirect: 'manual',
    });
    if (!allowed) {
      expect([307, 401]).toContain(res.status);
      return;
    }
    expect(res.status).toBe(200);
    expect(((await res.json()) as { app: { id: string } }).app.id).toBe(secondApp(sandbox));
    expect(await sandbox.writes()).toEqual([]);
  });
}

/**
 * Reads with a permission of their own: receivers and their deliveries (`deliveries.read`, operators and
 * admins) carry customers' messages, so viewers get 403 from the routes and the forbidden page.
 */
const DELIVERY_READERS: DemoRole[] = ['operator', 'admin'];

for (const caller of CALLERS) {
  const allowed = caller !== 'signed-out' && DELIVERY_READERS.includes(caller);
  test(`receiver deliveries as ${caller} are ${allowed ? 'readable' : 'refused'}`, async ({
    sandbox,
    baseURL,
  }) => {
    const cookie = cookieHeader(caller);
    const headers = cookie ? { cookie } : undefined;
    const phoneNumberId = scenarios(sandbox).phoneNumberTier?.phoneNumberId ?? '0';
    const receiverId = '00000000-0000-4000-8000-000000000000';
    for (const route of [
      `/receivers/numbers/${phoneNumberId}`,
      `/receivers/${receiverId}/deliveries`,
      `/receivers/${receiverId}/deliveries/1`,
    ]) {
      const res = await fetch(`${baseURL}${route}`, { headers, redirect: 'manual' });
      // Signed out, the proxy sends console paths to sign-in before the route's own 401.
      if (caller === 'signed-out') expect([307, 401], route).toContain(res.status);
      else if (!allowed) expect(res.status, route).toBe(403);
      else expect([200, 404], route).toContain(res.status);
    }
    if (caller === 'signed-out') return;
    const page = await fetch(`${baseURL}/receivers`, { headers, redirect: 'manual' });
    const html = await page.text();
    expect(html.includes('data-testid="forbidden"'), caller).toBe(!allowed);
  });
}
