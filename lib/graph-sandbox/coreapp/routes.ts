import { Hono } from 'hono';
import type { CoreappDeployment } from './fixture';
import { applyPatch, reconcileSent, settingsPatchSchema } from './settings-patch';
import type { CoreappState } from './state';
import { type CoreappErrorKind, coreappTime, errorBody, meta } from './wire';

/**
 * Each deployment's Coreapp under `/coreapp/<deployment>`: its base URL is `<sandbox>/coreapp/<deployment>`,
 * and beneath it the On-Premises paths (`/v1/users/login`, `/v1/settings/application`).
 */
export function coreappRoutes(state: CoreappState): Hono {
  const app = new Hono();
  const fail = (kind: CoreappErrorKind, details: string, status: 400 | 401 | 404) =>
    new Response(JSON.stringify(errorBody(kind, details)), {
      status,
      headers: { 'content-type': 'application/json' },
    });

  app.post('/:deployment/v1/users/login', (c) => {
    const deployment = state.get(c.req.param('deployment'));
    if (!deployment) return fail('notFound', 'No Coreapp at this address', 404);
    const header = c.req.header('authorization') ?? '';
    const match = /^Basic\s+(\S+)$/i.exec(header);
    const [user, ...rest] = match
      ? Buffer.from(match[1] ?? '', 'base64')
          .toString('utf8')
          .split(':')
      : [];
    if (user !== deployment.username || rest.join(':') !== deployment.password) {
      return fail('accessDenied', 'Invalid credentials', 401);
    }
    const { token, expiresAt } = state.issueToken(deployment.id);
    return c.json({ users: [{ token, expires_after: coreappTime(expiresAt) }], meta: meta() });
  });

  app.use('/:deployment/v1/settings/*', async (c, next) => {
    const id = c.req.param('deployment') ?? '';
    if (!state.get(id)) return fail('notFound', 'No Coreapp at this address', 404);
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token || !state.tokenValid(id, token)) {
      return fail('accessDenied', 'Invalid or expired token: log in again (POST /v1/users/login)', 401);
    }
    await next();
  });

  app.get('/:deployment/v1/settings/application', (c) => {
    const deployment = state.get(c.req.param('deployment'));
    return c.json({ settings: { application: deployment?.settings }, meta: meta() });
  });

  app.patch('/:deployment/v1/settings/application', async (c) => {
    const deployment = state.get(c.req.param('deployment'));
    if (!deployment) return fail('notFound', 'No Coreapp at this address', 404);
    const body = await c.req.json().catch(() => undefined);
    if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
      return fail('missing', 'The request body must be a JSON object of application settings', 400);
    }
    const parsed = settingsPatchSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'body';
      const details =
        issue?.code === 'unrecognized_keys'
          ? `Unknown parameter ${[where === 'body' ? '' : `${where}.`, issue.keys[0]].join('')}`
          : `${where}: ${issue?.message ?? 'invalid'}`;
      return fail('invalid', details, 400);
    }
    deployment.settings = reconcileSent(applyPatch(deployment.settings, parsed.data), parsed.data);
    return c.json({ meta: meta() });
  });

  app.all('*', () => fail('notFound', 'Unknown On-Premises API path', 404));
  return app;
}

/** One deployment as `GET /_sandbox/coreapp` shows it: what a test needs to register it, and its live settings. */
export type CoreappDeploymentView = CoreappDeployment & { baseUrl: string };

/** Control surface under `/_sandbox/coreapp`: the deployments' identities, token expiry, reset. */
export function coreappControlRoutes(state: CoreappState, baseUrl: () => string): Hono {
  const app = new Hono();
  app.get('/', (c) =>
    c.json({
      deployments: state.list().map(
        (d): CoreappDeploymentView => ({
          id: d.id,
          label: d.label,
          baseUrl: `${baseUrl()}/coreapp/${d.id}`,
          username: d.username,
          password: d.password,
          phoneNumberIds: d.phoneNumberIds,
          settings: d.settings,
        }),
      ),
    }),
  );
  app.post('/expire-tokens', (c) => c.json({ expired: state.expireTokens() }));
  app.post('/reset', (c) => {
    state.reset();
    return c.json({ success: true });
  });
  return app;
}
