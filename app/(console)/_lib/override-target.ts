import 'server-only';
import type { ActionResult } from '@/lib/auth/safe-action';
import { type ResolvedOverrideTarget, resolveOverrideTarget } from '@/lib/receivers/picker';
import type { OverrideTargetInput } from '@/lib/routing/validation';
import { getReceiversContext } from '@/lib/server';

type Resolved = Extract<ResolvedOverrideTarget, { ok: true }>;

/**
 * The URL and verify token a *set override* or *test callback* action sends: typed, or a managed receiver's,
 * decrypted on the server. An unknown receiver comes back as the same 422 a schema error gives, before
 * anything is sent. A helper of those server actions, not an action, so it lives outside `_actions`; it
 * sits in app/ rather than lib/receivers because services know nothing of the action wrapper's result.
 */
export async function overrideTargetOf(
  input: OverrideTargetInput,
): Promise<{ ok: true; target: Omit<Resolved, 'ok'> } | { ok: false; result: ActionResult<never> }> {
  const resolved = await resolveOverrideTarget(await getReceiversContext(), input);
  if (!resolved.ok) {
    return {
      ok: false,
      result: {
        ok: false,
        status: 422,
        error: 'Some fields need attention.',
        fieldErrors: resolved.fieldErrors,
      },
    };
  }
  const { ok: _ok, ...target } = resolved;
  return { ok: true, target };
}
