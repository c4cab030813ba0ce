import { Hono } from 'hono';
import { CLIENT_CERT_MODES } from './client-certs';
import type { SandboxContext } from './context';
import { emitRoutes } from './emit-routes';
import { faultConfigSchema } from './faults';
import type { FixtureIdentities } from './fixture-identities';
import { quirkConfigSchema } from './quirks';
import { statusRoutes } from './status-control';

/**
 * The control surface under `/_sandbox` for tests, benchmarks and demos (not Graph; no auth).
 * Latency and faults never apply here.
 */
export function controlRoutes(ctx: SandboxContext, fixture: () => FixtureIdentities): Hono {
  const app = new Hono();

  app.get('/health', (c) => c.json({ ok: true }));
  // `webhookClientCa`: the CA of the client certificate the emitter presents, for a receiver to trust (mTLS).
  app.get('/fixture', async (c) =>
    c.json({ ...fixture(), webhookClientCa: (await ctx.clientCerts.certs()).caPem }),
  );
  app.get('/state', (c) => c.json(ctx.state.dump()));

  app.post('/reset', (c) => {
    ctx.state.reset();
    ctx.log.clear();
    ctx.faults.restoreBaseline();
    ctx.quirks.set({});
    ctx.usage.reset();
    ctx.receivers.reset();
    ctx.emissions.reset();
    ctx.coreapp.reset();
    ctx.clientCerts.reset();
    return c.json({ success: true });
  });

  app.get('/client-cert', (c) => c.json({ mode: ctx.clientCerts.mode }));
  app.post('/client-cert', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as { mode?: unknown } | undefined;
    const mode = CLIENT_CERT_MODES.find((m) => m === body?.mode);
    if (!mode) return c.json({ error: `mode must be one of ${CLIENT_CERT_MODES.join(', ')}` }, 400);
    ctx.clientCerts.mode = mode;
    return c.json({ mode });
  });

  app.get('/calls', (c) => {
    const since = c.req.query('since');
    if (since && Number.isNaN(Date.parse(since)))
      return c.json({ error: 'since must be an ISO timestamp' }, 400);
    return c.json({ data: ctx.log.list(since) });
  });
  app.delete('/calls', (c) => {
    ctx.log.clear();
    return c.json({ success: true });
  });

  app.get('/faults', (c) => c.json(ctx.faults.current()));
  app.post('/faults', async (c) => {
    const parsed = faultConfigSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: parsed.error.message }, 400);
    try {
      ctx.faults.set(parsed.data);
    } catch (error) {
      return c.json({ error: `pathPattern: ${(error as Error).message}` }, 400);
    }
    return c.json(ctx.faults.current());
  });
  app.delete('/faults', (c) => {
    ctx.faults.set({});
    return c.json(ctx.faults.current());
  });

  app.get('/quirks', (c) => c.json(ctx.quirks.current()));
  app.post('/quirks', async (c) => {
    const parsed = quirkConfigSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: parsed.error.message }, 400);
    ctx.quirks.set(parsed.data);
    return c.json(ctx.quirks.current());
  });
  app.delete('/quirks', (c) => {
    ctx.quirks.set({});
    return c.json(ctx.quirks.current());
  });

  app.get('/receiver/:name', (c) => {
    const answer = ctx.receivers.handshake(c.req.param('name'), new URL(c.req.url).searchParams);
    return c.text(answer.body, answer.status as 200);
  });
  app.put('/receiver/:name', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as {
      verifyToken?: unknown;
      deliveryStatus?: unknown;
      answer?: unknown;
    };
    if (body?.answer !== undefined && body.answer !== 'exact' && body.answer !== 'quoted') {
      return c.json({ error: 'answer must be "exact" or "quoted"' }, 400);
    }
    if (typeof body?.verifyToken !== 'string' || body.verifyToken === '') {
      return c.json({ error: 'verifyToken (non-empty string) is required' }, 400);
    }
    const status = body.deliveryStatus;
    if (
      status !== undefined &&
      !(Number.isInteger(status) && Number(status) >= 200 && Number(status) <= 599)
    ) {
      return c.json({ error: 'deliveryStatus must be an HTTP status between 200 and 599' }, 400);
    }
    const deliveryStatus = status === undefined ? undefined : Number(status);
    ctx.receivers.configure(c.req.param('name'), {
      verifyToken: body.verifyToken,
      deliveryStatus,
      answer: body.answer as 'exact' | 'quoted' | undefined,
    });
    return c.json({ success: true, url: `${ctx.baseUrl()}/_sandbox/receiver/${c.req.param('name')}` });
  });
  app.post('/receiver/:name', async (c) => {
    const raw = Buffer.from(await c.req.arrayBuffer());
    const headers = Object.fromEntries(c.req.raw.headers);
    const status = ctx.receivers.record(c.req.param('name'), headers, raw, ctx.state.appList);
    if (status === undefined) return c.text('Not Found', 404);
    return c.text(status === 200 ? 'EVENT_RECEIVED' : 'Receiver configured to fail', status as 200);
  });
  app.get('/receiver/:name/deliveries', (c) => {
    const deliveries = ctx.receivers.deliveries(c.req.param('name'));
    return deliveries ? c.json({ data: deliveries }) : c.json({ error: 'unknown receiver' }, 404);
  });
  app.delete('/receiver/:name/deliveries', (c) => {
    ctx.receivers.clearDeliveries(c.req.param('name'));
    return c.json({ success: true });
  });

  app.route('/', statusRoutes(ctx));
  app.route('/', emitRoutes(ctx));

  // Unknown control paths must not fall through to the Graph surface.
  app.all('*', (c) => c.json({ error: `unknown control path ${new URL(c.req.url).pathname}` }, 404));

  return app;
}
