/**
 * The apps the environment configures: `META_APPS` (a JSON array) and/or the single-app variables
 * (`META_APP_ID`, `GRAPH_ACCESS_TOKEN`, `META_APP_SECRET`, `META_APP_LABEL`). Pure parsing, used by lib/config;
 * no secret ever appears in an error message, only the entry's position and field.
 */
import { z } from 'zod';

export const appIdSchema = z.string().regex(/^\d+$/, 'must be the numeric app id');

export const envAppSchema = z.strictObject({
  id: appIdSchema,
  label: z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters'),
  /** System-user token of this app. */
  accessToken: z.string().min(1, 'is required'),
  /** For the app access token (`APP_ID|APP_SECRET`) and appsecret_proof; optional like META_APP_SECRET. */
  appSecret: z.string().min(1).optional(),
  default: z.boolean().optional(),
});
export type EnvAppInput = z.input<typeof envAppSchema>;

/** One app as the environment configures it. Server-only data: it carries the token and the secret. */
export interface EnvApp {
  id: string;
  label: string;
  accessToken: string;
  appSecret: string | null;
  isDefault: boolean;
}

/** `META_APPS`: JSON text → a list of apps with distinct ids and at most one `default: true`. */
export const metaAppsSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Never quote the text: it holds tokens.
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON array of apps ({ id, label, accessToken, appSecret? })',
      });
      return z.NEVER;
    }
  })
  .pipe(z.array(envAppSchema).min(1, 'must list at least one app'))
  .superRefine((apps, ctx) => {
    const seen = new Set<string>();
    for (const [index, app] of apps.entries()) {
      if (seen.has(app.id))
        ctx.addIssue({ code: 'custom', message: `lists app ${app.id} twice (entry ${index + 1})` });
      seen.add(app.id);
    }
    if (apps.filter((app) => app.default).length > 1) {
      ctx.addIssue({ code: 'custom', message: 'marks more than one app as default' });
    }
  });
export type MetaAppsEntry = z.output<typeof envAppSchema>;

export interface SingleAppVars {
  META_APP_ID?: string | undefined;
  GRAPH_ACCESS_TOKEN?: string | undefined;
  META_APP_SECRET?: string | undefined;
  META_APP_LABEL?: string | undefined;
}

/**
 * The environment's apps, default first. The single-app variables, when set, are the default app (so an install
 * that only had them behaves as before); otherwise the entry marked `default`, else the first of META_APPS.
 * Returns the message of a contradiction instead of throwing, so lib/config reports it with the others.
 */
export function envApps(single: SingleAppVars, listed: readonly MetaAppsEntry[]): EnvApp[] | string {
  const apps: EnvApp[] = listed.map((app) => ({
    id: app.id,
    label: app.label,
    accessToken: app.accessToken,
    appSecret: app.appSecret ?? null,
    isDefault: app.default === true,
  }));
  if (single.META_APP_ID && single.GRAPH_ACCESS_TOKEN) {
    if (apps.some((app) => app.id === single.META_APP_ID)) {
      return `META_APP_ID ${single.META_APP_ID} is also listed in META_APPS: configure each app once`;
    }
    if (apps.some((app) => app.isDefault)) {
      return 'META_APPS marks a default app, but META_APP_ID (the single-app variables) is the default: drop one';
    }
    apps.unshift({
      id: single.META_APP_ID,
      label: single.META_APP_LABEL?.trim() || `App ${single.META_APP_ID}`,
      accessToken: single.GRAPH_ACCESS_TOKEN,
      appSecret: single.META_APP_SECRET ?? null,
      isDefault: true,
    });
  }
  if (apps.length === 0) return 'no app is configured: set META_APP_ID and GRAPH_ACCESS_TOKEN, or META_APPS';
  const defaultIndex = Math.max(
    0,
    apps.findIndex((app) => app.isDefault),
  );
  const [first] = apps.splice(defaultIndex, 1);
  if (!first) return 'no app is configured';
  return [{ ...first, isDefault: true }, ...apps.map((app) => ({ ...app, isDefault: false }))];
}
