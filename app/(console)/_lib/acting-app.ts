import 'server-only';
import { z } from 'zod';
import type { ActingApp } from '@/components/apps/acting-app';
import { type AppRegistry, UnknownAppError } from '@/lib/apps/registry';
import type { ConfiguredApp } from '@/lib/apps/types';
import type { ActionResult } from '@/lib/auth/safe-action';
import { graphIdSchema } from '@/lib/routing/validation';

/**
 * Every routing write names the app whose route it changes (`appId`, a hidden field of the form); without it,
 * the default app, as before apps became a parameter. A blank value counts as absent.
 */
export const appChoiceSchema = z.object({
  appId: z.preprocess((value) => (value === '' ? undefined : value), graphIdSchema.optional()),
});

export function withAppChoice<S extends z.ZodType>(schema: S) {
  return z.intersection(schema, appChoiceSchema);
}

/**
 * The context of the app the form named. An app that is not configured (any more) is the same 422 a schema
 * error gives, naming the field, before anything is sent to Graph.
 */
export async function actingApp<C>(
  appId: string | undefined,
  contextOf: (appId?: string) => Promise<C>,
): Promise<{ ok: true; ctx: C } | { ok: false; result: ActionResult<never> }> {
  try {
    return { ok: true, ctx: await contextOf(appId) };
  } catch (error) {
    if (!(error instanceof UnknownAppError)) throw error;
    return {
      ok: false,
      result: {
        ok: false,
        status: 422,
        error: 'Some fields need attention.',
        fieldErrors: { appId: [`${error.message} Reload the page to see the configured apps.`] },
      },
    };
  }
}

/**
 * The app a number or WABA page shows and changes: `?app=<id>`, else the default; null when that app is not
 * configured (any more), which has no route to show. `value` is what the page's forms are given: no `appId` for
 * the default app, and every other app so a form can say what stays as it is for them.
 */
export function pageActingApp(
  registry: AppRegistry,
  requested: string | string[] | undefined,
): { app: ConfiguredApp; value: ActingApp } | null {
  const app = typeof requested === 'string' && requested ? registry.find(requested) : registry.defaultApp;
  if (!app) return null;
  return {
    app,
    value: {
      appId: app.isDefault ? undefined : app.id,
      label: app.label,
      isDefault: app.isDefault,
      others: registry.apps.filter((other) => other !== app).map(({ id, label }) => ({ id, label })),
    },
  };
}
