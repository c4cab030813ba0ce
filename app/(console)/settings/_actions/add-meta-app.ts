'use server';

import { addApp, addAppInputSchema } from '@/lib/apps/manage';
import type { AppSummary } from '@/lib/apps/types';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { type ActionResult, defineAction, type FieldRefusal } from '@/lib/auth/safe-action';
import { getAppRegistry, getDb, getKeyring } from '@/lib/server';

/** Add a Meta app (admins): its token and secret are encrypted at rest and never shown again. */
export const addMetaAppAction = defineAction(
  { permission: 'settings.manage', schema: addAppInputSchema },
  async (input, { user }): Promise<ActionResult<AppSummary | FieldRefusal>> => {
    const result = await addApp(
      { db: await getDb(), keyring: getKeyring(), registry: await getAppRegistry() },
      input,
      changeLogActor(user),
    );
    if (result.kind === 'done') return { ok: true, data: result.app };
    if ('fieldErrors' in result) return { ok: true, data: result };
    return { ok: false, status: 422, error: result.message };
  },
);
