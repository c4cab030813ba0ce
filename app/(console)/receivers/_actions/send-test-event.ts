'use server';

import { defineAction } from '@/lib/auth/safe-action';
import { getConfig } from '@/lib/config';
import { sendTestEvent, testEventInputSchema } from '@/lib/receivers/test-event';
import { getAppRegistry, getReceiversContext } from '@/lib/server';

const appLabelOf = ({ id, label }: { id: string; label: string }) => ({ id, label });

/**
 * Sandbox mode only (GRAPH_SANDBOX_CONTROL_URL set): emits a webhook for the number through the sandbox's copy
 * of Meta's routing and returns where each app's copy went.
 */
export const sendTestEventAction = defineAction(
  { permission: 'callback.test', schema: testEventInputSchema },
  async (input) => {
    const controlUrl = getConfig().GRAPH_SANDBOX_CONTROL_URL;
    if (!controlUrl) {
      return {
        ok: false,
        status: 422,
        error: 'Test events need the Graph sandbox; this deployment talks to Meta.',
      };
    }
    const { apps } = await getAppRegistry();
    const result = await sendTestEvent(await getReceiversContext(), controlUrl, input, apps.map(appLabelOf));
    if (result.ok) return result;
    // An unknown number is the caller's mistake (422); an unreachable or failing sandbox is ours (500).
    return { ok: false, status: result.rejected ? 422 : 500, error: result.error };
  },
);
