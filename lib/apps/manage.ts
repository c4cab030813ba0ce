/**
 * Adding and removing the apps an admin configures in Settings. Validation refusals come back as field
 * errors (the action wrapper's `{ ok: false, fieldErrors }`); the token and the secret never appear in a
 * result, a log line or the change log.
 */
import 'server-only';
import { z } from 'zod';
import type { FieldRefusal } from '@/lib/auth/safe-action';
import type { Actor } from '@/lib/db/change-log';
import type { Db } from '@/lib/db/client';
import type { Keyring } from '@/lib/receivers/secret-box';
import { appIdSchema } from './env-apps';
import type { AppRegistry } from './registry';
import { deleteStoredApp, insertStoredApp } from './stored-apps';
import { type AppSummary, appSummary } from './types';

export interface AppsContext {
  db: Db;
  keyring: Keyring;
  registry: AppRegistry;
}

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export const addAppInputSchema = z.object({
  // Not trimmed: an id with stray whitespace is a paste error worth naming, not something to guess at.
  appId: appIdSchema,
  label: z.string().trim().min(1, 'Give the app a label.').max(80, 'At most 80 characters.'),
  accessToken: z.string().trim().min(1, "Paste the app's system-user token.").max(2048),
  appSecret: z.preprocess(blankToNull, z.string().trim().min(1).max(256).nullable()).default(null),
});
export type AddAppInput = z.output<typeof addAppInputSchema>;

export const removeAppInputSchema = z.object({ appId: appIdSchema });

export type AppWriteResult =
  | { kind: 'done'; app: AppSummary }
  | FieldRefusal
  | { kind: 'refused'; message: string };

export async function addApp(ctx: AppsContext, input: AddAppInput, actor: Actor): Promise<AppWriteResult> {
  const existing = ctx.registry.find(input.appId);
  if (existing) {
    return {
      kind: 'refused',
      message: 'Some fields need attention.',
      fieldErrors: {
        appId: [
          existing.source === 'environment'
            ? `App ${input.appId} is configured in the environment (${existing.label}); change it there.`
            : `App ${input.appId} is already configured (${existing.label}). Remove it first to replace its token.`,
        ],
      },
    };
  }
  const app = {
    id: input.appId,
    label: input.label,
    accessToken: input.accessToken,
    appSecret: input.appSecret,
  };
  if (!(await insertStoredApp(ctx.db, ctx.keyring, app, actor))) {
    return {
      kind: 'refused',
      message: 'Some fields need attention.',
      fieldErrors: { appId: ['App already added.'] },
    };
  }
  return { kind: 'done', app: appSummary({ ...app, isDefault: false, source: 'settings' }) };
}

export async function removeApp(ctx: AppsContext, appId: string, actor: Actor): Promise<AppWriteResult> {
  const app = ctx.registry.find(appId);
  if (!app) return { kind: 'refused', message: `App ${appId} is not configured.` };
  if (app.source === 'environment') {
    return { kind: 'refused', message: `${app.label} is configured in the environment: remove it there.` };
  }
  if (!(await deleteStoredApp(ctx.db, appId, actor)))
    return { kind: 'refused', message: `App ${appId} was already removed.` };
  return { kind: 'done', app: appSummary(app) };
}
