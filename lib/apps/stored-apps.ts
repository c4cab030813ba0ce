/**
 * Apps an admin adds in Settings. The token and the secret are encrypted with the keyring of the receiver
 * secrets before they reach the database and decrypted only to build that app's Graph client.
 */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { type Actor, recordChange } from '@/lib/db/change-log';
import type { Db } from '@/lib/db/client';
import { metaApps } from '@/lib/db/schema';
import { decryptSecret, encryptSecret, type Keyring } from '@/lib/receivers/secret-box';
import type { ConfiguredApp } from './types';

export interface NewStoredApp {
  id: string;
  label: string;
  accessToken: string;
  appSecret: string | null;
}

export async function listStoredApps(db: Db, keyring: Keyring): Promise<ConfiguredApp[]> {
  const rows = await db.select().from(metaApps).orderBy(asc(metaApps.createdAt), asc(metaApps.appId));
  return rows.map((row) => ({
    id: row.appId,
    label: row.label,
    accessToken: decryptSecret(keyring, row.accessTokenEnc),
    appSecret: row.appSecretEnc ? decryptSecret(keyring, row.appSecretEnc) : null,
    isDefault: false,
    source: 'settings',
  }));
}

/** Inserts the app; false when an app with that id is already stored (nothing changes then). */
export async function insertStoredApp(
  db: Db,
  keyring: Keyring,
  app: NewStoredApp,
  actor: Actor,
): Promise<boolean> {
  const inserted = await db
    .insert(metaApps)
    .values({
      appId: app.id,
      label: app.label,
      accessTokenEnc: encryptSecret(keyring, app.accessToken),
      appSecretEnc: app.appSecret ? encryptSecret(keyring, app.appSecret) : null,
      createdBy: actor.email,
    })
    .onConflictDoNothing()
    .returning({ appId: metaApps.appId });
  if (inserted.length === 0) return false;
  await recordChange(
    {
      actor,
      action: 'meta_app.add',
      targetType: 'meta_app',
      targetId: app.id,
      // The token and the secret are never logged: only whether a secret was given.
      requested: { label: app.label, appSecret: app.appSecret ? 'set' : 'not set' },
      outcome: 'success',
    },
    db,
  );
  return true;
}

export async function deleteStoredApp(db: Db, appId: string, actor: Actor): Promise<boolean> {
  const deleted = await db
    .delete(metaApps)
    .where(eq(metaApps.appId, appId))
    .returning({ label: metaApps.label });
  if (deleted.length === 0) return false;
  await recordChange(
    {
      actor,
      action: 'meta_app.remove',
      targetType: 'meta_app',
      targetId: appId,
      before: deleted[0],
      outcome: 'success',
    },
    db,
  );
  return true;
}
