'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/safe-action';
import { type ChangeSettingsOutcome, changeDeploymentSettings } from '@/lib/onprem/settings';
import { checkOverrideCallbackUri } from '@/lib/routing/validation';
import { getOnpremContext } from '@/lib/server';
import { changeSettingsSchema } from './schemas';

/** Admins only. The outcome says what the Coreapp reports after the write (read back), not what was asked. */
export const changeDeploymentSettingsAction = defineAction(
  { permission: 'onprem.manage', schema: changeSettingsSchema },
  async (input, { user }) => {
    const ctx = await getOnpremContext();
    const url = input.settings.webhookUrl;
    // An empty URL turns the Coreapp's webhooks off; anything else follows the override URL rules.
    const urlProblem = url === '' ? null : checkOverrideCallbackUri(url, ctx.allowLoopback);
    if (urlProblem) {
      return {
        ok: false,
        status: 422,
        error: 'Some fields need attention.',
        fieldErrors: { 'settings.webhookUrl': [urlProblem] },
      };
    }
    const outcome: ChangeSettingsOutcome = await changeDeploymentSettings(ctx, input, {
      id: user.id,
      email: user.email,
    });
    revalidatePath('/on-premises');
    return { ok: true, data: outcome };
  },
);
