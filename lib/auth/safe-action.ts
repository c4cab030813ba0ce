/**
 * Every server action goes through `defineAction`: session (re-read from the database) → role from the
 * permission table → zod → handler. Returns one result shape the forms render; nothing throws to the client.
 */
import 'server-only';
import type { z } from 'zod';
import { can, type Permission } from '@/lib/auth/permissions';
import { getCurrentUser, type SessionUser } from '@/lib/auth/session';
import { logger } from '@/lib/log';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]>; status?: 401 | 403 | 422 | 500 };

/**
 * A service's refusal of some fields (`{ kind: 'refused', fieldErrors }`). Handlers may return it as data; the
 * wrapper turns it into `{ ok: false, status: 422, fieldErrors }`, so what a screen receives never carries it.
 */
export interface FieldRefusal {
  kind: 'refused';
  message: string;
  fieldErrors: Record<string, string[]>;
}

export interface ActionContext {
  user: SessionUser;
}

function toPlainInput(input: unknown): unknown {
  if (input instanceof FormData) {
    const out: Record<string, FormDataEntryValue> = {};
    for (const [key, value] of input.entries()) {
      if (!key.startsWith('$ACTION')) out[key] = value;
    }
    return out;
  }
  return input;
}

/**
 * A service that checks fields itself (the routing writes: URL reachability rules, receiver ids) answers
 * `{ kind: 'refused', fieldErrors }`. The wrapper turns that into the same `{ ok: false, fieldErrors }` a schema
 * refusal gives, so a form reads field errors from one place whichever layer found them.
 */
function validationRefusal<T>(result: ActionResult<T>): ActionResult<Exclude<T, FieldRefusal>> {
  if (!result.ok) return result;
  const data = result.data as {
    kind?: unknown;
    message?: unknown;
    fieldErrors?: Record<string, string[]>;
  } | null;
  if (data?.kind === 'refused' && data.fieldErrors && typeof data.message === 'string') {
    return { ok: false, status: 422, error: data.message, fieldErrors: data.fieldErrors };
  }
  return result as ActionResult<Exclude<T, FieldRefusal>>;
}

export function defineAction<S extends z.ZodType, T>(
  options: { permission: Permission; schema: S },
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<ActionResult<T>>,
): (input: z.input<S> | FormData) => Promise<ActionResult<Exclude<T, FieldRefusal>>> {
  return async (input) => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, status: 401, error: 'Your session has ended. Sign in again.' };
    if (!can(user.role, options.permission)) {
      return { ok: false, status: 403, error: `Your role (${user.role}) cannot do this.` };
    }
    const parsed = options.schema.safeParse(toPlainInput(input));
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join('.') || '_form';
        fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
      }
      return { ok: false, status: 422, error: 'Some fields need attention.', fieldErrors };
    }
    try {
      return validationRefusal(await handler(parsed.data, { user }));
    } catch (error) {
      // The redacting logger scrubs tokens from the error; the person sees no internals.
      logger.error({ err: error, permission: options.permission, user: user.email }, 'server action failed');
      // A handler may have written before it failed, so don't promise nothing changed: send them to the record.
      return {
        ok: false,
        status: 500,
        error:
          'Something went wrong on our side. Reload to see the current state and check Activity before retrying.',
      };
    }
  };
}
