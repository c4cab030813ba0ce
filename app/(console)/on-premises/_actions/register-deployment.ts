'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/safe-action';
import { registerDeployment } from '@/lib/onprem/deployments';
import { checkOverrideCallbackUri } from '@/lib/routing/validation';
import { getOnpremContext } from '@/lib/server';
import { registerDeploymentSchema } from './schemas';

/** Admins only: the deployment holds the Coreapp admin password, encrypted before it is stored. */
export const registerDeploymentAction = defineAction(
  { permission: 'onprem.manage', schema: registerDeploymentSchema },
  async (input, { user }) => {
    const ctx = await getOnpremContext();
    // HTTPS, as Meta required of Coreapps; loopback http only where callbacks allow it (development).
    const urlProblem = checkOverrideCallbackUri(input.baseUrl, ctx.allowLoopback);
    if (urlProblem) {
      return {
        ok: false,
        status: 422,
        error: 'Some fields need attention.',
        fieldErrors: { baseUrl: [urlProblem] },
      };
    }
    const result = await registerDeployment(ctx, input, { id: user.id, email: user.email });
    if (!result.ok && result.error === 'login_failed') {
      return { ok: false, status: 422, error: `Not registered: ${result.message}` };
    }
    if (!result.ok) {
      return {
        ok: false,
        status: 422,
        error: 'Some fields need attention.',
        fieldErrors: { baseUrl: ['A deployment with this base URL is already registered.'] },
      };
    }
    revalidatePath('/on-premises');
    return { ok: true, data: { id: result.id } };
  },
);
