/**
 * Control routes for webhook emission: `POST /emit`, `GET /deliveries`, `GET /emissions/:id`.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { EMITTABLE_FIELDS, MESSAGE_KINDS } from '@/lib/graph/schemas';
import type { SandboxContext } from './context';
import { emit } from './emit';
import { STATUS_VALUES } from './emit-payloads';

const emitSchema = z.object({
  phoneNumberId: z.string().min(1),
  field: z.enum(EMITTABLE_FIELDS).default('messages'),
  kind: z.enum(MESSAGE_KINDS).default('message'),
  status: z.enum(STATUS_VALUES).default('delivered'),
  /** Wait until every delivery succeeded or gave up (default: answer after each one's first attempt). */
  wait: z.boolean().default(false),
  retry: z
    .object({
      maxAttempts: z.number().int().min(1).max(10).optional(),
      baseDelayMs: z.number().int().min(0).max(60_000).optional(),
      timeoutMs: z.number().int().min(100).max(30_000).optional(),
    })
    .optional(),
});
/** Body of `POST /_sandbox/emit`, as a client sends it (defaults filled in here). */
export type EmitBody = z.input<typeof emitSchema>;

export function emitRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();

  app.post('/emit', async (c) => {
    const parsed = emitSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return c.json(
        {
          error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
          fields: EMITTABLE_FIELDS,
        },
        400,
      );
    }
    const { wait, ...request } = parsed.data;
    const result = emit(ctx, request);
    if (!result) return c.json({ error: `unknown phone number id ${request.phoneNumberId}` }, 404);
    await (wait ? result.settled : result.firstAttempts);
    return c.json({ emission: result.emission });
  });

  app.get('/deliveries', (c) =>
    c.json({
      data: ctx.emissions.deliveries({
        phoneNumberId: c.req.query('phoneNumberId') || undefined,
        emissionId: c.req.query('emissionId') || undefined,
      }),
    }),
  );

  app.get('/emissions/:id', (c) => {
    const emission = ctx.emissions.get(c.req.param('id'));
    return emission ? c.json({ emission }) : c.json({ error: 'unknown emission' }, 404);
  });

  return app;
}
