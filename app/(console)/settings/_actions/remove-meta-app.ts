'use server';

import { removeApp, removeAppInputSchema } from '@/lib/apps/manage';
import { changeLogActor } from '@/lib/auth/change-log-actor';
import { defineAction } from '@/lib/auth/safe-action';
import { getAppRegistry, getDb, getKeyring } from '@/lib/server';

/** Remove an app added in Settings (admins); apps of the environment are changed there. */
export const removeMetaAppAction = defineAction(
  { permission: 'settings.manage', schema: removeAppInputSchema },
  async (input, { user }) => {
    const result = await removeApp(
      { db: await getDb(), keyring: getKeyring(), registry: await getAppRegistry() },
      input.appId,
      changeLogActor(user),
    );
    if (result.kind === 'done') return { ok: true, data: result.app };
    return { ok: false, status: 422, error: result.message };
  },
);
