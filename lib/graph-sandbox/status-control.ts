import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxContext } from './context';

/**
 * `POST /_sandbox/numbers/:id` and `/_sandbox/wabas/:id`: change what Meta would change on its own (a number
 * disconnected or moved to On-Premises, a WABA rejected in review or blocked), so tests and demos can break
 * a number's delivery conditions without a Graph write. `POST /reset` restores the fixture.
 */
const numberPatch = z
  .object({
    status: z.string().min(1).optional(),
    platform_type: z.string().min(1).optional(),
    can_send_message: z.string().min(1).optional(),
  })
  .strict();
const wabaPatch = z
  .object({
    account_review_status: z.string().min(1).optional(),
    can_send_message: z.string().min(1).optional(),
  })
  .strict();

export function statusRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.post('/numbers/:id', async (c) => {
    const phone = ctx.state.phoneNumbers.get(c.req.param('id'));
    if (!phone) return c.json({ error: 'unknown phone number' }, 404);
    const parsed = numberPatch.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: parsed.error.message }, 400);
    const { can_send_message, ...fields } = parsed.data;
    Object.assign(phone, fields);
    if (can_send_message) phone.canSendMessage = can_send_message;
    return c.json({ success: true });
  });
  app.post('/wabas/:id', async (c) => {
    const waba = ctx.state.wabas.get(c.req.param('id'));
    if (!waba) return c.json({ error: 'unknown WABA' }, 404);
    const parsed = wabaPatch.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: parsed.error.message }, 400);
    const { can_send_message, ...fields } = parsed.data;
    Object.assign(waba, fields);
    if (can_send_message) waba.canSendMessage = can_send_message;
    return c.json({ success: true });
  });
  return app;
}
